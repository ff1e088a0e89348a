"""What a citizen types into the complaint form: the answers the tests post by default."""

def form_token(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return response.context["form"].initial["form_token"]


def valid_data(client, page, area, **overrides):
    data = {
        "form_token": form_token(client, page),
        "website": "",
        "inquiry_type": "COMPLAINT",
        "area": str(area.pk),
        "account": "Jeg har ventet fire måneder på svar på min ansøgning om hjælpemidler.",
        "matter_date": "",
        "unit_contacted": "yes",
        "unit_answered": "no",
        "elsewhere": "NO",
        "name": "Anne Hansen",
        "email": "anne@example.invalid",
        "phone": "",
        "contact_preference": "EMAIL",
        "consent_contact_unit": "on",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}
