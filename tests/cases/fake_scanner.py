"""A stand-in for a virus scanner (clamd in production): flags the EICAR test string."""

from .sample_files import EICAR

scanned = []


def scan(file, name):
    scanned.append(name)
    if EICAR in file.read():
        return "Eicar-Test-Signature"
    return None


def broken(file, name):
    raise ConnectionRefusedError("clamd is not running")
