"""Delivery backends that fail the way a Digital Post connector can: down, hanging, refusing."""

import threading

from borgerraadgiver_plugin.cases.delivery import FileBackend, PermanentDeliveryError

#: Set by a test to let a hanging backend go again (the test never waits for it).
released = threading.Event()


class DownBackend:
    def send(self, letter):
        raise ConnectionRefusedError("Digital Post connector is down")


class HangingBackend:
    def send(self, letter):
        released.wait(5)
        raise TimeoutError("hung backend released")


class RefusingBackend:
    def send(self, letter):
        raise PermanentDeliveryError("the citizen is exempt from Digital Post")


class LaterReceiptBackend(FileBackend):
    """Takes the letter over but reports delivery later, as Digital Post does."""

    def send(self, letter):
        receipt = super().send(letter)
        return type(receipt)(dispatch_id=receipt.dispatch_id,
                             handed_over_at=receipt.handed_over_at)
