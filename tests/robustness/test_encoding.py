"""Text that has no UTF-8 form is a source error at its line and column
(issue "Reliability", item 4): a str with a lone surrogate raised
UnicodeEncodeError from the extension, and a file of bytes that are not
UTF-8 raised UnicodeDecodeError, neither saying where."""

import pytest

import multilingualprogramming as mp
from multilingualprogramming import MultilingualSyntaxError

PROGRAM = "def f(n: int) -> int:\n    return n + 1  # %s\n"


@pytest.mark.parametrize("bad, col", [("\udc80", 21), ("é\ud800x", 22)])
def test_lone_surrogate(bad, col):
    with pytest.raises(MultilingualSyntaxError) as info:
        mp.compile_source(PROGRAM % bad, language="en", filename="s.multi")
    err = info.value
    assert (err.filename, err.lineno, err.offset) == ("s.multi", 2, col)
    assert "surrogate" in err.msg
    assert "^" in str(err)


def test_surrogate_in_the_file_name_is_not_a_source_error():
    with pytest.raises(UnicodeEncodeError):
        mp.compile_source(PROGRAM % "ok", language="en", filename="\udc80.multi")


@pytest.mark.parametrize("data, line, col", [
    (b"def f() -> int:\n    return 1  # \xff\n", 2, 17),
    (b"def f() -> int:\n    return 1  # caf\xe9 ok\n", 2, 20),
    (b"\xef\xbb\xbf# \xc3\xa9\xc3\n", 1, 4),
    (b"# ok\r\n# \xe2\x82 end\r\n", 2, 3),
])
def test_bytes_that_are_not_utf8(tmp_path, data, line, col):
    path = tmp_path / "bad.multi"
    path.write_bytes(data)
    with pytest.raises(MultilingualSyntaxError) as info:
        mp.compile_file(path, language="en")
    err = info.value
    assert (err.filename, err.lineno, err.offset) == (str(path), line, col)
    assert "UTF-8" in err.msg
    # Python's own decoder agrees on where the text stops being UTF-8.
    with pytest.raises(UnicodeDecodeError) as py:
        data.decode("utf-8")
    assert data[:py.value.start].count(b"\n") + 1 == line
