"""The whole request body limited in the app (issue 17): a request announcing more bytes than
the complaint form can take (the advisor's total for attachments plus the text margin) gets the
Danish 413 page before its body is read, with the CSP like every page; nothing is stored; a body
within the limit reaches the form as before."""

import pytest
from wagtail.models import Site

from borgerraadgiver_plugin.errors import request_body_limit
from borgerraadgiver_plugin.models import BorgerraadgiverSettings

from ..cases.sample_files import pdf
from .public_form_support import complaint, fill

pytestmark = pytest.mark.django_db

MB = 1024 * 1024
TOO_BIG = "større end formularen kan modtage"


def advisor_allows(total_mb, file_mb):
    row = BorgerraadgiverSettings.for_site(Site.objects.get(is_default_site=True))
    row.max_total_attachment_mb, row.max_attachment_mb, row.max_attachments = total_mb, file_mb, 5
    row.save()


def test_the_limit_follows_the_advisors_settings(complaint_page, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = MB
    advisor_allows(25, 10)
    assert request_body_limit() == 26 * MB
    advisor_allows(3, 1)
    assert request_body_limit() == 4 * MB
    settings.BORGERRAADGIVER_MAX_REQUEST_BYTES = 123_456
    assert request_body_limit() == 123_456


def test_an_announced_body_over_the_limit_is_refused_before_it_is_read(client, complaint_page,
                                                                      monkeypatch):
    target = complaint(complaint_page)
    body, content_type = target.encode(fill(target.render(client, monkeypatch=monkeypatch),
                                            target.answers))
    # The header says more than the limit; the body itself is small: were it read, the
    # form would store the case.
    response = target.post_body(client, body, content_type,
                                CONTENT_LENGTH=str(request_body_limit() + 1))
    assert response.status_code == 413
    assert TOO_BIG in response.content.decode()
    assert "Content-Security-Policy" in response
    assert not target.stored().exists()


@pytest.mark.parametrize(("attachments", "status", "stored"), [
    pytest.param(3, 413, 0, id="attachments_over_the_advisors_total_get_the_413_page"),
    pytest.param(1, 302, 1, id="a_body_within_the_limit_reaches_the_form"),
])
def test_the_advisors_total_decides_whether_the_body_reaches_the_form(
        client, complaint_page, settings, monkeypatch, attachments, status, stored):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = MB
    advisor_allows(1, 1)
    target = complaint(complaint_page)
    files = [pdf(f"bilag-{number}.pdf", size=MB - 1000) for number in range(attachments)]
    response = target.post(client, fill(target.render(client, monkeypatch=monkeypatch),
                                        {**target.answers, "attachments": files}))
    assert response.status_code == status
    assert (TOO_BIG in response.content.decode()) == (status == 413)
    assert target.stored().count() == stored
