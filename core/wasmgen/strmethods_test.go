//go:build cgo

package wasmgen

import "testing"

// strMethodSrc calls each compiled str method on literals, with the
// answers Python gives written in the test.
const strMethodSrc = `def words() -> int:
    return len("  a  bb\tccc \n".split())

def fields() -> int:
    return len(",a,,b,".split(","))

def longsep() -> int:
    return len("abXYcdXYXY".split("XY")) * 10 + len("ab".split("abc"))

def cases() -> bool:
    return "Hello, World".lower() == "hello, world" and "Hello, World".upper() == "HELLO, WORLD"

def affixes() -> bool:
    return "abc".startswith("ab") and not "abc".startswith("abcd") and "abc".endswith("bc") and "abc".endswith("") and "é€".startswith("é")

def joined() -> int:
    return len("-".join(["ab", "", "c"])) * 10 + len("".join(["", ""]))

def stripped() -> bool:
    return " \t\x0b\x0cx y\x1c\x1d\x1e\x1f\r\n".strip() == "x y" and "   ".strip() == ""

def accented() -> str:
    return "é".upper()

def sharp() -> str:
    return "straße".upper()

def empty_sep() -> int:
    return len("a,b".split(""))
`

func TestStrMethods(t *testing.T) {
	for _, opt := range []Options{{Optimize: true}, {}} {
		in := instantiateSrc(t, strMethodSrc, opt)
		for _, c := range []struct {
			fn   string
			want any
		}{
			{"words", int64(3)}, {"fields", int64(5)}, {"longsep", int64(41)}, {"cases", int32(1)},
			{"affixes", int32(1)}, {"joined", int64(50)}, {"stripped", int32(1)},
		} {
			if got := in.call(c.fn); got.trap != "" || got.val != c.want {
				t.Errorf("%s() (passes %v): %+v, want %v", c.fn, opt.Passes(), got, c.want)
			}
		}
		// ß (two letters in upper case), and an empty separator: the call
		// re-runs in Python
		for _, fn := range []string{"sharp", "empty_sep"} {
			if got := in.call(fn); got.trap != "unsupported" {
				t.Errorf("%s(): %+v, want an unsupported trap", fn, got)
			}
		}
	}
}
