"""Small files for attachment tests, built in memory."""

import io
import struct
import zipfile
import zlib

from django.core.files.uploadedfile import SimpleUploadedFile

PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
       b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
EICAR = rb"X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"


def upload(name, content, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def pdf(name="afgoerelse.pdf", size=None):
    content = PDF if size is None else PDF + b"%" + b"0" * (size - len(PDF) - 1)
    return upload(name, content, "application/pdf")


def png(width=20, height=10):
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (width, height), "white").save(buffer, "PNG")
    return buffer.getvalue()


def png_claiming(width, height):
    """A PNG whose header claims ``width`` x ``height`` pixels, with almost no data."""
    def chunk(kind, data):
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(b"\x00" * 64)) + chunk(b"IEND", b""))


def docx(members=None):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in (members or [
            ("word/document.xml", b"<w:document><w:body>Klage</w:body></w:document>"),
            ("[Content_Types].xml", b"<Types/>"),
        ]):
            archive.writestr(name, data)
    return buffer.getvalue()


def zip_bomb_docx():
    """A DOCX whose document unpacks to 50 MB of zeros from about 50 kB."""
    return docx([("word/document.xml", b"\x00" * (50 * 1024 * 1024)),
                 ("[Content_Types].xml", b"<Types/>")])
