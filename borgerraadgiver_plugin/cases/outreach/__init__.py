"""Træffetider og udekontor (issue 16): the rules of sessions and bookings, without HTTP.

``sessions`` says what a citizen sees of a session (its Danish date line, whether it can be
booked and why not); ``booking`` books, cancels and turns a booking into a case; ``calendar``
writes the .ics files; ``reminders`` queues the day-before e-mail; ``retention`` and
``subject_access`` reach the bookings' names and contacts.
"""
