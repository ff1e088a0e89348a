from django import template

from .. import charts, snapshot

register = template.Library()


@register.simple_tag
def report_table(figures, table_id):
    """The table ``table_id`` of a report's figures, or None."""
    return snapshot.table(figures or {}, table_id)


@register.simple_tag
def report_chart(table):
    return charts.bar_chart(table)
