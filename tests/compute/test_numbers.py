"""Indonesian number notation in generated texts (ppsp.compute.numbers)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from ppsp.compute.numbers import id_number


def test_it_writes_worked_examples_the_indonesian_way() -> None:
    assert id_number(3079) == "3.079"
    assert id_number(1234567.891, 1) == "1.234.567,9"
    assert id_number(12.5, 2, strip_zeros=True) == "12,5"
    assert id_number(3.0, 2, strip_zeros=True) == "3"
    assert id_number(-1500.25, 2) == "-1.500,25"


@given(st.integers(-(10**12), 10**12))
def test_it_reads_back_any_whole_number(value: int) -> None:
    text = id_number(value)
    assert "," not in text and int(text.replace(".", "")) == value
