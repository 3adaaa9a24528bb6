//go:build cgo

package wasmgen

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

// find, count and replace against Go's strings.Index (turned into an
// index of code points), strings.Count (whose empty needle gives the code
// points plus one, as Python's count) and strings.ReplaceAll, on random
// text of one- to four-byte characters long enough for the search's
// words of eight bytes, with needles taken from the text or not; an
// empty old makes replace re-run in Python. The result's length in code
// points is checked too.
func TestStrSearch(t *testing.T) {
	src := `def find(s: str, sub: str) -> int:
    return s.find(sub)
def count(s: str, sub: str) -> int:
    return s.count(sub)
def replace(s: str, old: str, new: str) -> str:
    return s.replace(old, new)
def rlen(s: str, old: str, new: str) -> int:
    return len(s.replace(old, new))
`
	alphabet := []string{"a", "b", "é", "€", "😀", " ", "\x00"}
	text := func(r *rand.Rand, n int) string {
		var b strings.Builder
		for range n {
			b.WriteString(alphabet[r.IntN(len(alphabet))])
		}
		return b.String()
	}
	for _, opt := range []Options{{Optimize: true}, {}} {
		in := newStrCaller(instantiateSrc(t, src, opt))
		r := rand.New(rand.NewPCG(7, uint64(len(alphabet))))
		for range 1500 {
			s := text(r, r.IntN(40))
			sub := text(r, r.IntN(4))
			if len(s) > 0 && r.IntN(2) == 0 { // a needle from the text
				from := r.IntN(len([]rune(s)))
				sub = string([]rune(s)[from:min(from+1+r.IntN(3), len([]rune(s)))])
			}
			repl := text(r, r.IntN(3))
			wantFind := int64(-1)
			if i := strings.Index(s, sub); i >= 0 {
				wantFind = int64(utf8.RuneCountInString(s[:i]))
			}
			if got := in.call("find", s, sub); got.trap != "" || got.val != wantFind {
				t.Fatalf("%q.find(%q) = %+v, want %d", s, sub, got, wantFind)
			}
			if got := in.call("count", s, sub); got.trap != "" || got.val != int64(strings.Count(s, sub)) {
				t.Fatalf("%q.count(%q) = %+v, want %d", s, sub, got, strings.Count(s, sub))
			}
			got := in.call("s:replace", s, sub, repl)
			if sub == "" {
				if got.trap != "unsupported" {
					t.Fatalf("%q.replace(%q, %q) = %+v, want a re-run in Python", s, sub, repl, got)
				}
				continue
			}
			want := strings.ReplaceAll(s, sub, repl)
			if got.trap != "" || got.val != want {
				t.Fatalf("%q.replace(%q, %q) = %+v, want %q", s, sub, repl, got, want)
			}
			// the result's count of code points, which len() reads
			if got := in.call("rlen", s, sub, repl); got.trap != "" || got.val != int64(utf8.RuneCountInString(want)) {
				t.Fatalf("len(%q.replace(%q, %q)) = %+v, want %d", s, sub, repl, got, utf8.RuneCountInString(want))
			}
		}
	}
}
