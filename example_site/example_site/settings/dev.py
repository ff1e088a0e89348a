from .base import *

DEBUG = True
SECRET_KEY = "django-insecure-demo-only-never-in-production"
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
