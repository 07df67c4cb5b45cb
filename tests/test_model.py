"""The model's frozen dataclasses: field-wise equality and hash, a readable repr, no assignment."""

from __future__ import annotations

import dataclasses

import pytest

from seminar_cli.model import Frozen, Link, Speaker, TimeSlot, frozen


def test_equal_fields_make_equal_values_with_equal_hashes() -> None:
    assert Speaker("Ann Lee", None) == Speaker("Ann Lee", None)
    assert hash(Speaker("Ann Lee", None)) == hash(Speaker("Ann Lee", None))
    assert Speaker("Ann Lee", None) != Speaker("Ann Lee", "https://a.example")
    assert len({Speaker("Ann", None), Speaker("Ann", None), Speaker("Bo", None)}) == 2


def test_values_of_two_classes_are_never_equal_even_with_the_same_fields() -> None:
    speaker, link = Speaker("Slides", "https://a.example"), Link("Slides", "https://a.example")
    assert dataclasses.astuple(speaker) == dataclasses.astuple(link)
    assert speaker != link
    assert (speaker == link) is False


def test_the_repr_names_the_class_and_every_field() -> None:
    assert repr(Speaker("Ann", None)) == "Speaker(name='Ann', url=None)"


def test_a_value_cannot_be_changed_only_replaced() -> None:
    speaker = Speaker("Ann", None)
    with pytest.raises(dataclasses.FrozenInstanceError):
        speaker.name = "Bo"  # type: ignore[misc]
    assert dataclasses.replace(speaker, name="Bo") == Speaker("Bo", None)
    assert not hasattr(speaker, "__dict__")  # slotted


def test_a_class_with_no_fields_is_equal_to_itself() -> None:
    @frozen
    class Empty(Frozen):
        """Nothing."""

    assert Empty() == Empty()
    assert hash(Empty()) == hash(Empty())
    assert TimeSlot.__slots__  # every model class is slotted
