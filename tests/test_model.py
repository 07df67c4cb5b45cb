"""The model's frozen values: field-wise equality and hash, a readable repr, no assignment, defaults and replace."""

from __future__ import annotations

import copy
import pickle

import pytest

from seminar_cli.model import Frozen, FrozenError, Link, Row, Speaker, TimeSlot, frozen, replace


def test_equal_fields_make_equal_values_with_equal_hashes() -> None:
    assert Speaker("Ann Lee", None) == Speaker("Ann Lee", None)
    assert hash(Speaker("Ann Lee", None)) == hash(Speaker("Ann Lee", None))
    assert Speaker("Ann Lee", None) != Speaker("Ann Lee", "https://a.example")
    assert len({Speaker("Ann", None), Speaker("Ann", None), Speaker("Bo", None)}) == 2


def test_values_of_two_classes_are_never_equal_even_with_the_same_fields() -> None:
    speaker, link = Speaker("Slides", "https://a.example"), Link("Slides", "https://a.example")
    assert (speaker.name, speaker.url) == (link.label, link.url)
    assert speaker != link
    assert (speaker == link) is False


def test_the_repr_names_the_class_and_every_field() -> None:
    assert repr(Speaker("Ann", None)) == "Speaker(name='Ann', url=None)"


def test_a_value_cannot_be_changed_only_replaced() -> None:
    speaker = Speaker("Ann", None)
    with pytest.raises(FrozenError, match="cannot assign to field 'name' of a frozen Speaker"):
        speaker.name = "Bo"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        del speaker.name
    assert replace(speaker, name="Bo") == Speaker("Bo", None)
    assert speaker == Speaker("Ann", None)
    with pytest.raises(TypeError, match="Speaker has no field 'nmae'"):
        replace(speaker, nmae="Bo")
    assert not hasattr(speaker, "__dict__")  # slotted
    assert copy.copy(speaker) is speaker and copy.deepcopy(speaker) is speaker
    assert pickle.loads(pickle.dumps(speaker)) == speaker


def test_fields_keep_their_order_and_defaults_and_are_passed_by_name_or_position() -> None:
    row = Row("", ("a", "b"), True, "\n")
    assert row.opened is True  # the default as the class writes it
    assert Row(lead="", cells=("a", "b"), closed=True, tail="\n", opened=False) == replace(row, opened=False)
    assert Row.__fields__ == Row.__match_args__ == ("lead", "cells", "closed", "tail", "opened")
    with pytest.raises(TypeError):
        Row("", ("a",))  # type: ignore[call-arg]
    assert row.text == "|a|b|\n"  # methods and properties of the class are kept


def test_a_class_with_no_fields_is_equal_to_itself() -> None:
    @frozen
    class Empty(Frozen):
        """Nothing."""

    assert Empty() == Empty()
    assert hash(Empty()) == hash(Empty())
    assert TimeSlot.__slots__  # every model class is slotted
