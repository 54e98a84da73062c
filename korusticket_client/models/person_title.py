from typing import Literal

PersonTitle = Literal["mr", "mrs", "mx"]

PERSON_TITLE_VALUES: set[PersonTitle] = {
    "mr",
    "mrs",
    "mx",
}


def check_person_title(value: str) -> PersonTitle:
    if value in PERSON_TITLE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {PERSON_TITLE_VALUES!r}"
    )
