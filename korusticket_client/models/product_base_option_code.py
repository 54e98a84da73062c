from typing import Literal

ProductBaseOptionCode = Literal["days_count", "price_type", "seating_category", "zone"]

PRODUCT_BASE_OPTION_CODE_VALUES: set[ProductBaseOptionCode] = {
    "days_count",
    "price_type",
    "seating_category",
    "zone",
}


def check_product_base_option_code(value: str) -> ProductBaseOptionCode:
    if value in PRODUCT_BASE_OPTION_CODE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {PRODUCT_BASE_OPTION_CODE_VALUES!r}"
    )
