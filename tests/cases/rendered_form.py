"""What a browser would send for a rendered form: every field with the value the page shows."""

from bs4 import BeautifulSoup

SKIPPED_INPUTS = {"submit", "button", "file", "image", "reset"}


def rendered_form(html, selector):
    """``(soup form, data)``: the data dict (name -> list of values) the form sends unchanged."""
    form = BeautifulSoup(html, "html.parser").select_one(selector)
    assert form is not None, f"no {selector} on the page"
    data = {}
    for field in form.select("input[name], select[name], textarea[name]"):
        name = field["name"]
        if field.name == "textarea":
            data.setdefault(name, []).append(field.text.removeprefix("\n"))
        elif field.name == "select":
            options = field.select("option")
            chosen = [o for o in options if o.has_attr("selected")]
            if not chosen and options and not field.has_attr("multiple"):
                chosen = options[:1]  # a browser sends the first option of a plain select
            data.setdefault(name, []).extend(o.get("value", o.text) for o in chosen)
        else:
            kind = field.get("type", "text").lower()
            if kind in SKIPPED_INPUTS:
                continue
            if kind in ("checkbox", "radio"):
                if field.has_attr("checked"):
                    data.setdefault(name, []).append(field.get("value", "on"))
                continue
            data.setdefault(name, []).append(field.get("value", ""))
    return form, data


def form_data(client, url):
    """GET ``url`` and return what its own form (the one posting back to it) sends unchanged."""
    response = client.get(url)
    assert response.status_code == 200
    return rendered_form(response.content.decode(), f'form[action="{url}"]')[1]


def fill_in(client, page_url, selector, answers, files=None):
    """GET the page, take what its form sends unchanged, give the answers and the files, and
    post it where the form posts."""
    response = client.get(page_url)
    assert response.status_code == 200
    form, data = rendered_form(response.content.decode(), selector)
    for name, value in answers.items():
        assert form.find(attrs={"name": name}) is not None, name
        data[name] = [value]
    data.update(files or {})
    return client.post(form.get("action") or page_url, data)
