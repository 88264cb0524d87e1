"""The nearest known actor codes for a mistyped or named one (hadath.actors.suggest)."""

import pytest

from hadath.actors.suggest import UnknownActor, check_actor_code, nearest_actor_codes
from hadath.errors import HadathError

KNOWN = {"TUR", "IRN", "IRNGOV", "USA", "ISR", "SYR", "IRQ", "RUS", "PKK", "UN", "HAMAS", "TURGOV"}


@pytest.mark.parametrize(
    ("typed", "first"),
    [
        ("TRK", "TUR"),  # a letter swapped
        ("trk", "TUR"),  # case does not matter
        ("ISL", "ISR"),
        ("PPK", "PKK"),
        ("Iran", "IRN"),  # a state's English name
        ("turkey", "TUR"),
        ("إيران", "IRN"),  # its Arabic name
        ("ايران", "IRN"),  # normalised: alef forms
        ("تركيا", "TUR"),
        ("Hamas", "HAMAS"),
        ("USAGOV", "USA"),  # an organ of a state the store has only as a state
    ],
)
def test_the_nearest_known_code_comes_first(typed: str, first: str) -> None:
    assert nearest_actor_codes(typed, KNOWN)[0] == first


def test_a_name_suggests_what_it_names_only() -> None:
    assert nearest_actor_codes("Iran", KNOWN) == ["IRN"]
    assert nearest_actor_codes("IRAN", KNOWN) == ["IRN"]


def test_nothing_near_suggests_nothing() -> None:
    assert nearest_actor_codes("XYZ", KNOWN) == []
    assert nearest_actor_codes("QQQQQQ", KNOWN) == []


def test_only_known_codes_are_suggested() -> None:
    # TKM (Turkmenistan) is in the dictionary but not known to the caller: never suggested.
    assert "TKM" not in nearest_actor_codes("TKM", KNOWN)
    assert set(nearest_actor_codes("IRM", KNOWN)) <= KNOWN


def test_limit() -> None:
    assert len(nearest_actor_codes("IRN", KNOWN | {"IRL", "IRA"}, limit=2)) == 2


def test_check_actor_code_returns_the_known_code_in_upper_case() -> None:
    assert check_actor_code("tur", KNOWN) == "TUR"
    assert check_actor_code(" IRN ", KNOWN) == "IRN"


def test_check_actor_code_refuses_an_unknown_code_with_suggestions() -> None:
    with pytest.raises(UnknownActor) as caught:
        check_actor_code("TRK", KNOWN, where=" in the store")
    assert isinstance(caught.value, HadathError)  # the CLI shows it as one line
    assert caught.value.suggestions == ["TUR"]
    assert str(caught.value) == "unknown actor code 'TRK' in the store; did you mean TUR?"


def test_an_unknown_code_with_nothing_near_says_so_without_a_hint() -> None:
    with pytest.raises(UnknownActor) as caught:
        check_actor_code("XYZ", KNOWN)
    assert caught.value.suggestions == []
    assert str(caught.value) == "unknown actor code 'XYZ'"
