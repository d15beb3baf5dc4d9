"""Tracking codes: random, grouped, forgiving to read, typo-proof."""

from __future__ import annotations

import pytest

from models.cases.public_view import public_view
from models.errors import Refused
from models.queue import tracking


def test_code_shape_and_randomness():
    codes = {tracking.new_code() for _ in range(2000)}
    assert len(codes) == 2000
    code = next(iter(codes))
    assert len(code) == 12 and all(ch in tracking.ALPHABET for ch in code)
    assert tracking.display(code).count("-") == 2
    # 11 random symbols of 32: 55 bits.
    assert tracking.DATA_LENGTH * 5 >= 50


def test_reading_is_forgiving():
    code = tracking.new_code()
    shown = tracking.display(code)
    assert tracking.normalise(shown.lower()) == code
    assert tracking.normalise(shown.replace("-", " ")) == code
    assert tracking.normalise(f"https://hall.example.cn/track/{shown}") == code
    assert tracking.normalise(f"https://hall.example.cn/t?code={code}") == code
    # O for 0 and I for 1, as a resident may type them: on a code that has both.
    data = "01010101010"
    with_both = data + tracking._check_symbol(data)
    assert tracking.normalise(with_both.replace("0", "O").replace("1", "I")) == with_both


def test_every_single_typo_and_neighbour_swap_is_caught():
    code = tracking.new_code()
    for i, ch in enumerate(code):
        for other in tracking.ALPHABET:
            if other != ch:
                with pytest.raises(tracking.BadCode):
                    tracking.normalise(code[:i] + other + code[i + 1 :])
    for i in range(len(code) - 1):
        if code[i] != code[i + 1] and {code[i], code[i + 1]} != {"0", "Z"}:  # Luhn mod N's one blind spot
            swapped = code[:i] + code[i + 1] + code[i] + code[i + 2 :]
            with pytest.raises(tracking.BadCode):
                tracking.normalise(swapped)


def test_url_for_uses_template_or_bare_code():
    code = tracking.new_code()
    assert tracking.url_for(code, "") == tracking.display(code)
    assert tracking.url_for(code, "https://h.cn/track/{code}") == "https://h.cn/track/" + tracking.display(code)


def test_public_view_of_a_ticket(hall):
    receipt = hall.queue.take("baby-hukou")
    hall.queue.take("baby-hukou")
    later = hall.queue.take("baby-hukou")
    view = public_view(hall.config, later.tracking_code.lower())
    assert view["ticket"]["number"] == later.number
    assert view["ticket"]["ahead"] == 2
    assert view["ticket"]["state"] == "waiting"
    assert view["item"]["name"] == "婴儿入户"
    assert receipt.tracking_code != later.tracking_code


def test_public_view_refuses_bad_and_unknown_codes(hall):
    with pytest.raises(Refused) as bad:
        public_view(hall.config, "1234")
    assert bad.value.key == "bad_tracking_code"
    with pytest.raises(Refused) as unknown:
        public_view(hall.config, tracking.new_code())
    assert unknown.value.key == "unknown_tracking_code"


def test_the_check_catches_every_neighbour_swap_but_zero_with_z():
    missed = set()
    for first in tracking.ALPHABET:
        for second in tracking.ALPHABET:
            if first == second:
                continue
            for at in range(tracking.DATA_LENGTH - 1):
                data = ("7" * at + first + second).ljust(tracking.DATA_LENGTH, "7")
                swapped = data[:at] + second + first + data[at + 2 :]
                if tracking._check_symbol(data) == tracking._check_symbol(swapped):
                    missed.add(frozenset((first, second)))
    assert missed == {frozenset(("0", "Z"))}
