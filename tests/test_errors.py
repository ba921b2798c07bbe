from marsad.errors import ErrorSpec, Errors, Kind, MarsadError


def specs():
    return [value for name, value in vars(Errors).items() if isinstance(value, ErrorSpec)]


def test_codes_are_unique_and_match_their_attribute_names():
    for name, value in vars(Errors).items():
        if isinstance(value, ErrorSpec):
            assert value.code == name
    assert len({spec.code for spec in specs()}) == len(specs())


def test_each_kind_maps_to_one_exit_code_and_one_http_status():
    assert Kind.USAGE.exit_code == 2 and Kind.USAGE.http_status == 400
    assert Kind.BAD_INPUT.exit_code == 1 and Kind.BAD_INPUT.http_status == 422
    assert Kind.NOT_FOUND.http_status == 404
    assert Kind.INTERNAL.http_status == 500


def test_message_is_one_line_with_code_and_json_shape():
    error = MarsadError(Errors.M001, path="missing.txt")
    assert str(error).startswith("[M001] missing.txt")
    assert "\n" not in str(error)
    assert error.to_json() == {"ok": False, "error": str(error), "code": "M001", "status": 404}
