from wagtail import blocks

from borgerraadgiver_plugin.cases.blocks import ComplaintFormBlock, UpcomingSessionsBlock


class BodyBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(form_classname="title")
    paragraph = blocks.RichTextBlock()
    complaint_form = ComplaintFormBlock()
    office_hours = UpcomingSessionsBlock()
