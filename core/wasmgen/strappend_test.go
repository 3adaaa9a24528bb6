//go:build cgo

package wasmgen

import (
	"fmt"
	"strings"
	"testing"
)

// strAppendSrc appends short strings (up to four bytes, which
// __ml_str_append copies byte by byte) and longer ones, on each path of
// the helper: in place at the arena's end, absorbing a fresh string
// allocated right after, a new copy when the string's address escaped,
// and a string appended to itself.
const strAppendSrc = `def chars(n: int, k: int) -> str:
    s = ""
    for i in range(n):
        k = (k * 7919 + 13) % 1114112
        s = s + chr(k)
    return s

def digits(n: int) -> str:
    s = "x"
    for i in range(n):
        s = s + str(i % 10)
        s = s + s[i % 3]
    return s

def alias(n: int) -> str:
    s = "ab"
    t = s
    for i in range(n):
        s = s + chr(65 + i % 26)
        if i % 7 == 0:
            t = s
    return t + "|" + s

def doubled(n: int) -> str:
    s = "é"
    for i in range(n):
        s = s + s
    return s
`

// encodeString is Python's str of code points as strings hold it
// (surrogates encoded like other code points).
func encodeString(cps []rune) string { return string(encode(cps)) }

func TestStrAppendShort(t *testing.T) {
	for _, opt := range []Options{{}, {Optimize: true}} {
		si := newStrCaller(instantiateSrc(t, strAppendSrc, opt))
		for _, n := range []int64{0, 1, 2, 5, 100, 3000} {
			var cps []rune
			k := int64(65)
			for i := int64(0); i < n; i++ {
				k = (k*7919 + 13) % 1114112
				cps = append(cps, rune(k))
			}
			if got := si.call("s:chars", n, int64(65)); got.trap != "" || got.val != encodeString(cps) {
				t.Errorf("%v: chars(%d) = %+v", opt, n, got)
			}
			var d strings.Builder
			d.WriteString("x")
			for i := int64(0); i < n; i++ {
				d.WriteString(fmt.Sprint(i % 10))
				d.WriteByte(d.String()[i%3])
			}
			if got := si.call("s:digits", n); got.trap != "" || got.val != d.String() {
				t.Errorf("%v: digits(%d) = %+v, want %q", opt, n, got, d.String())
			}
			s, a := "ab", "ab"
			for i := int64(0); i < n; i++ {
				s += string(rune(65 + i%26))
				if i%7 == 0 {
					a = s
				}
			}
			if got := si.call("s:alias", n); got.trap != "" || got.val != a+"|"+s {
				t.Errorf("%v: alias(%d) = %+v, want %q", opt, n, got, a+"|"+s)
			}
		}
		for _, n := range []int64{0, 1, 2, 3, 10} {
			if got, want := si.call("s:doubled", n), strings.Repeat("é", 1<<n); got.trap != "" || got.val != want {
				t.Errorf("%v: doubled(%d) = %+v", opt, n, got)
			}
		}
	}
}
