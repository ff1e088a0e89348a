"""A tiny SMTP server on 127.0.0.1 for delivery tests: it never answers, or refuses recipients.

``silent`` accepts the connection and says nothing (a hung mail server), closing it after
``hold`` seconds so that a test without a timeout ends instead of hanging. ``"550"`` and
``"451"`` answer every RCPT TO with that code. Only loopback, one connection at a time.
"""

import socket
import threading

REPLIES = {
    "550": b"550 5.1.1 Mailbox does not exist\r\n",
    "451": b"451 4.3.0 Try again later\r\n",
}


class SMTPServer:
    def __init__(self, mode, hold=10):
        self.mode, self.hold = mode, hold
        self.stopped = threading.Event()
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.listener.settimeout(0.2)
        self.port = self.listener.getsockname()[1]
        self.thread = threading.Thread(target=self._serve, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc_info):
        self.stopped.set()
        self.thread.join(timeout=self.hold + 5)
        self.listener.close()

    def _serve(self):
        while not self.stopped.is_set():
            try:
                connection, _address = self.listener.accept()
            except TimeoutError:
                continue
            with connection:
                connection.settimeout(self.hold)
                try:
                    if self.mode == "silent":
                        self.stopped.wait(self.hold)
                    else:
                        self._converse(connection)
                except OSError:
                    pass

    def _converse(self, connection):
        reader = connection.makefile("rb")
        connection.sendall(b"220 localhost ESMTP test\r\n")
        for line in reader:
            command = line.strip().upper()
            if command.startswith(b"RCPT"):
                connection.sendall(REPLIES[self.mode])
            elif command.startswith(b"QUIT"):
                connection.sendall(b"221 Bye\r\n")
                return
            elif command.startswith(b"DATA"):  # not reached: every recipient is refused
                connection.sendall(b"554 No valid recipients\r\n")
            else:
                connection.sendall(b"250 OK\r\n")
