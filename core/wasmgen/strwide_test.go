//go:build cgo

package wasmgen

import (
	"testing"
	"unicode"
)

// Python's whitespace (str.isspace) is Unicode's White_Space, which Go's
// unicode.IsSpace reports, and the separators U+001C to U+001F. Every
// code point is tried, 4,096 at a time: split() of "x" followed by each
// of them and "x" gives one word more per whitespace character, and
// strip() of characters around "é" keeps them when they are not
// whitespace; split("x") cuts at every "x" whatever is around it.
func TestStrWideWhitespace(t *testing.T) {
	src := `def words(s: str) -> int:
    return len(s.split())
def stripped(s: str) -> int:
    return len(s.strip())
def pieces(s: str) -> int:
    return len(s.split("x"))
`
	isSpace := func(r rune) bool { return unicode.IsSpace(r) || r >= 0x1c && r <= 0x1f }
	in := newStrCaller(instantiateSrc(t, src, Options{Optimize: true}))
	for lo := rune(0); lo < 0x110000; lo += 4096 {
		var s []rune
		want := int64(1)
		for c := lo; c < lo+4096; c++ {
			s = append(s, 'x', c)
			if isSpace(c) {
				want++
			}
		}
		s = append(s, 'é', 'x') // beyond ASCII even in the first block
		if got := in.call("words", s); got.trap != "" || got.val != want {
			t.Fatalf("split() of the block at %#x: %+v, want %d words", lo, got, want)
		}
		xs := int64(0)
		for _, c := range s {
			if c == 'x' {
				xs++
			}
		}
		if got := in.call("pieces", s); got.trap != "" || got.val != xs+1 {
			t.Fatalf("split('x') of the block at %#x: %+v, want %d pieces", lo, got, xs+1)
		}
	}
	for _, c := range []rune{' ', 0x1c, 0x85, 0xa0, 0x1680, 0x180e, 0x2000, 0x200a, 0x200b, 0x2028, 0x2029, 0x202f, 0x205f,
		0x3000, 0x3001, 0xfeff, 'é', 0x1f600, 0xd800} {
		want := int64(4)
		if isSpace(c) {
			want = 1
		}
		if got := in.call("stripped", []rune{c, c, 'é', c}); got.trap != "" || got.val != want {
			t.Errorf("strip() of %#x around é: %+v, want %d", c, got, want)
		}
	}
}
