"""The load proof (issue 17): ``make load`` starts the example site under gunicorn with
PostgreSQL and Redis on loopback and drives the complaint form and a plain Wagtail FormPage
through HTTP, as browsers do. See ``tests/load/__main__.py`` and docs/resilience.md."""
