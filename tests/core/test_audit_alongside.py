"""Audit entries written alongside other work (audit.written_alongside): a statement that fails
in the block is raised as the block ends, with Django's error class, as anywhere else."""

import pytest
from django.db import DataError, connection

from borgerraadgiver_plugin import audit

pytestmark = pytest.mark.django_db


def test_a_failed_statement_in_the_block_raises_djangos_error_as_it_ends():
    if connection.vendor != "postgresql":
        pytest.skip("elsewhere the statements run as they come")
    with pytest.raises(DataError), audit.written_alongside(), connection.cursor() as cursor:
        cursor.execute("SELECT 1 / 0")  # sent, its answer not read in the block
