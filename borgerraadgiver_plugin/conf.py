"""Django settings the plugin reads, with their defaults.

Site-wide technical choices live here (they belong to the deployment); what the advisor edits
lives in :class:`~borgerraadgiver_plugin.models.BorgerraadgiverSettings`.
"""

from django.conf import settings

DEFAULTS = {
    # Rows an export reads per query (and logs per audit insert); bounds the worker's memory.
    "BORGERRAADGIVER_EXPORT_CHUNK_SIZE": 2000,
    # The customer's own base template; the plugin's pages render into its ``content`` block.
    "BORGERRAADGIVER_BASE_TEMPLATE": "base.html",
    # Prefix of case references, e.g. BR-2026-0001.
    "BORGERRAADGIVER_REFERENCE_PREFIX": "BR",
    # Folder for private files (attachments) when STORAGES has no "borgerraadgiver_private".
    "BORGERRAADGIVER_PRIVATE_ROOT": None,
    # True: the "Veterans" registry gets its own top-level admin menu item instead of sitting
    # inside the "Borgerrådgiver" menu.
    "BORGERRAADGIVER_VETERANS_TOP_LEVEL_MENU": False,
    # Spam defence of public forms (read by borgerraadgiver_plugin.spam): a form sent back
    # sooner than MIN_SECONDS after it was shown is a bot; later than MAX_AGE has expired.
    "BORGERRAADGIVER_FORM_MIN_SECONDS": 3,
    "BORGERRAADGIVER_FORM_MAX_AGE": 4 * 3600,
    # Per-IP rate limit of every public form, kept in the Django cache: POSTs (errors
    # included) one address may send to one kind of form per window of seconds.
    "BORGERRAADGIVER_FORM_RATE_LIMIT": 20,
    "BORGERRAADGIVER_RATE_WINDOW": 3600,
    # Receipt and status links with an unknown token one address may try per window before
    # every receipt link answers 429 to it (guessing tokens is refused, not just slow).
    "BORGERRAADGIVER_RECEIPT_MISS_LIMIT": 20,
    # Proxies whose X-Forwarded-For is believed; empty means the header is ignored.
    "BORGERRAADGIVER_TRUSTED_PROXIES": (),
    # Two-factor login: True asks the members of these groups for a one-time code (TOTP) at
    # the admin login, and refuses them the admin until they have given one.
    "BORGERRAADGIVER_TWO_FACTOR": False,
    "BORGERRAADGIVER_TWO_FACTOR_GROUPS": ("Borgerrådgiver", "Veterankoordinator"),
    # True: a member of those groups without an authenticator app logs in with the password
    # only to set one up (the admin allows nothing else until it is confirmed by a code);
    # False: refused until an administrator gives it a key (borgerraadgiver_two_factor).
    "BORGERRAADGIVER_TWO_FACTOR_ENROL_AT_LOGIN": True,
    # Seconds a public form's submission waits for a locked database (SQLite's busy timeout,
    # PostgreSQL's lock timeout) before the citizen is asked to try again, text kept (503).
    "BORGERRAADGIVER_FORM_DB_WAIT": 5,
    # Dotted path of a virus scanner, called as scanner(file, name) for every attachment:
    # return None when clean, or a short finding (e.g. the signature name) to block the file.
    # The inquiry is kept either way; a blocked file stays in private storage, never served.
    # An exception (scanner down) leaves the file "awaiting virus scan" until
    # borgerraadgiver_reminders scans it again. None: no scanning.
    "BORGERRAADGIVER_VIRUS_SCANNER": None,
    # The dashboard warns when an e-mail has waited longer than this many minutes to be sent
    # (a hung mail server or a stopped worker shows before anything has failed).
    "BORGERRAADGIVER_OUTBOX_WARN_MINUTES": 30,
    # How letters to citizens leave the system (borgerraadgiver_plugin.cases.delivery): the
    # dotted path of a delivery backend, and the seconds it may take before the letter is
    # left queued and tried again. The file backend writes what would be sent into private
    # storage (demo and tests); production points this at a Digital Post connector.
    "BORGERRAADGIVER_LETTER_BACKEND": "borgerraadgiver_plugin.cases.delivery.FileBackend",
    "BORGERRAADGIVER_LETTER_TIMEOUT": 30,
    # Days after an office hours session (træffetid) that its bookings' names and contacts
    # are kept; then retention empties them (the booking itself stays, for the counts).
    "BORGERRAADGIVER_BOOKING_KEEP_DAYS": 30,
    # The largest request body (bytes) errors.RequestBodyLimitMiddleware lets through; None:
    # the largest total of attachments in the advisor's settings plus
    # DATA_UPLOAD_MAX_MEMORY_SIZE (the text and the multipart framing).
    "BORGERRAADGIVER_MAX_REQUEST_BYTES": None,
    # Images with more pixels than this are refused (decompression bombs).
    "BORGERRAADGIVER_MAX_IMAGE_PIXELS": 60_000_000,
    # DOCX/ODT (zip) files: largest unpacked size in MB, and the largest packing ratio.
    "BORGERRAADGIVER_MAX_UNZIPPED_MB": 200,
    "BORGERRAADGIVER_MAX_ZIP_RATIO": 100,
    # Statistics: the advisor's processing-time target per inquiry type, in calendar days from
    # the day received to the day closed (as Folketingets Ombudsmand measures); the report
    # shows the share of closed cases within it.
    "BORGERRAADGIVER_PROCESSING_TARGET_DAYS": {
        "WAYFINDING": 14, "GUIDANCE": 14, "COMPLAINT": 90, "SUGGESTION": 90,
        "INTERNAL_ADVICE": 30,
    },
    # Pattern signals (mønstre): a theme, or a theme in one area, is rising when it has at least
    # MIN_CASES complaints in the period and at least MIN_RISE_PCT per cent more than in the
    # previous period of the same length. A citizen with at least REPEAT_MIN_CASES inquiries
    # in the period is shown to the advisor as a repeat complainant.
    "BORGERRAADGIVER_PATTERN_MIN_CASES": 5,
    "BORGERRAADGIVER_PATTERN_MIN_RISE_PCT": 50,
    "BORGERRAADGIVER_REPEAT_MIN_CASES": 3,
    # Days the access log keeps each kind of entry (borgerraadgiver_plugin.access_log): reads
    # and refusals about 6 months, exports and anonymisations 5 years (they show where data
    # went and that it was erased). An action not named here is kept; None keeps it forever.
    # The days must be a whole number above 0: a shorter log would hide the last uses.
    "BORGERRAADGIVER_ACCESS_LOG_RETENTION_DAYS": {
        "borgerraadgiver.view": 183,
        "borgerraadgiver.download": 183,
        "borgerraadgiver.denied": 183,
        "borgerraadgiver.retry": 183,
        "borgerraadgiver.search": 183,
        "borgerraadgiver.export": 5 * 365 + 1,
        "borgerraadgiver.anonymise": 5 * 365 + 1,
        "borgerraadgiver.import": 5 * 365 + 1,
    },
}


def get(name):
    return getattr(settings, name, DEFAULTS[name])
