//go:build cgo

package wasmgen

import (
	"math"

	"github.com/multilingualprogramming/multilingual/core/abi"
	"github.com/multilingualprogramming/multilingual/core/wasmgen/plan"
	"strings"
	"sync/atomic"
	"testing"
)

// strLoopSrc has the string hash of issue 18 and its variants: a mask
// instead of a remainder, a second use of c (which keeps the string
// lowering), an accumulator whose interval does not hold (the checks
// stay), and a loop with continue.
const strLoopSrc = `def str_hash(s: str) -> int:
    h = 0
    for c in s:
        h = (h * 31 + ord(c)) % 2**32
    return h

def mask_hash(s: str) -> int:
    h = 0
    for c in s:
        h = (h * 31 + ord(c)) & 0xffffffff
    return h

def other_use(s: str) -> int:
    h = 0
    for c in s:
        if c == "a":
            h += 1
        h = (h * 7 + ord(c)) % 1000003
    return h

def wide(s: str, k: int) -> int:
    h = 1
    for c in s:
        h = h * k + ord(c)
    return h

def skip(s: str) -> int:
    n = 0
    for c in s:
        if ord(c) < 128:
            continue
        n += ord(c)
    return n
`

// refHash is h = (h * k + cp) mod m over the code points of s, in uint64
// (k*m stays below 2**64 for the moduli used).
func refHash(s string, k, m uint64) int64 {
	var h uint64
	for _, r := range s {
		h = (h*k + uint64(r)) % m
	}
	return int64(h)
}

// refWide is wide() of strLoopSrc, or false when an intermediate value
// leaves i64 (Python's big int; the module must trap).
func refWide(s string, k int64) (int64, bool) {
	h := int64(1)
	for _, r := range s {
		p, ok := plan.Mul64(h, k)
		if !ok || p > math.MaxInt64-int64(r) {
			return 0, false
		}
		h = p + int64(r)
	}
	return h, true
}

func TestStrLoops(t *testing.T) {
	texts := []string{"", "a", "hello, world", "Grüße aus Köln, 東京 und 😀!", "\U0010ffff\u0800\u07ff\u0080\x7f\x00",
		strings.Repeat("the quick brown fox ", 500), strings.Repeat("é漢😀a", 300)}
	for _, opt := range optionSets() {
		si := newStrCaller(instantiateSrc(t, strLoopSrc, opt))
		for _, s := range texts {
			if got := si.call("str_hash", s); got.trap != "" || got.val != refHash(s, 31, 1<<32) {
				t.Errorf("%v: str_hash(%q) = %+v, want %d", opt, s, got, refHash(s, 31, 1<<32))
			}
			if got := si.call("mask_hash", s); got.trap != "" || got.val != refHash(s, 31, 1<<32) {
				t.Errorf("%v: mask_hash(%q) = %+v", opt, s, got)
			}
			var n int64
			for _, r := range s {
				if r >= 128 {
					n += int64(r)
				}
			}
			if got := si.call("skip", s); got.trap != "" || got.val != n {
				t.Errorf("%v: skip(%q) = %+v, want %d", opt, s, got, n)
			}
			for _, k := range []int64{2, 31, -31, 1 << 20, math.MinInt64, -1} {
				want, ok := refWide(s, k)
				got := si.call("wide", s, k)
				if ok && (got.trap != "" || got.val != want) || !ok && got.trap == "" {
					t.Errorf("%v: wide(%q, %d) = %+v, want %d (fits: %v)", opt, s, k, got, want, ok)
				}
			}
		}
		// other_use against a reference written out
		for _, s := range []string{"abca", "aé漢a😀"} {
			var h uint64
			for _, r := range s {
				if r == 'a' {
					h++
				}
				h = (h*7 + uint64(r)) % 1000003
			}
			if got := si.call("other_use", s); got.trap != "" || got.val != int64(h) {
				t.Errorf("%v: other_use(%q) = %+v, want %d", opt, s, got, h)
			}
		}
	}
}

// TestStrLoopCode checks the shapes: the optimized str_hash decodes inline
// (no helper call, no division, no overflow trap), and without strchars it
// goes back to the one-character strings (polyhash, which takes these
// loops over, is off: polyhash_test.go has its own).
func TestStrLoopCode(t *testing.T) {
	wat := func(opt Options) string {
		f, info := checkSrc(t, strLoopSrc)
		m, err := Generate(f, info, opt)
		if err != nil {
			t.Fatal(err)
		}
		return m.WAT()
	}
	noPoly := PassSet(PassPolyHash)
	all := wat(Options{Optimize: true, Disable: noPoly})
	h := funcWAT(all, "str_hash")
	for _, bad := range []string{"call ", "div", "__ml_ipow"} {
		if strings.Contains(h, bad) {
			t.Errorf("optimized str_hash has %q:\n%s", bad, h)
		}
	}
	// one trap: the interruption check (and the unreachable end)
	if n := strings.Count(h, "unreachable"); n > 2 {
		t.Errorf("optimized str_hash keeps %d traps:\n%s", n-1, h)
	}
	if !strings.Contains(h, "i32.shl") || strings.Contains(h, "i64.mul") || strings.Contains(h, "rem") {
		t.Errorf("optimized str_hash is not i32 arithmetic with h * 31 as a shift:\n%s", h)
	}
	// without wrapmod, the carried interval of h drops every check
	nw := funcWAT(wat(Options{Optimize: true, Disable: noPoly | PassSet(PassWrapMod)}), "str_hash")
	if n := strings.Count(nw, "unreachable"); n > 2 || !strings.Contains(nw, "i64.rem_u") {
		t.Errorf("str_hash without wrapmod: %d traps, or no unsigned remainder:\n%s", n-1, nw)
	}
	if o := funcWAT(all, "other_use"); !strings.Contains(o, "__ml_char") {
		t.Errorf("other_use reads c as a string but does not build it:\n%s", o)
	}
	off := funcWAT(wat(Options{Optimize: true, Disable: noPoly | PassSet(PassStrChars)}), "str_hash")
	if !strings.Contains(off, "__ml_char") {
		t.Errorf("str_hash without strchars does not build characters:\n%s", off)
	}
	base := funcWAT(wat(Options{}), "str_hash")
	if strings.Contains(base, "__ml_ipow") {
		t.Errorf("unoptimized str_hash recomputes 2**32 (constpow is a base pass):\n%s", base)
	}
}

// TestStrLoopInterrupt sets the interrupt word before calls of the loops
// over code points (chunked, and checked at each iteration when the body
// is heavy): each traps with ErrInterrupt, and runs again once it is
// cleared.
func TestStrLoopInterrupt(t *testing.T) {
	src := strLoopSrc + `
def heavy(s: str) -> int:
    n = 0
    for c in s:
        n += len(str(ord(c)))
    return n
`
	for _, opt := range []Options{{}, {Optimize: true}} {
		si := newStrCaller(instantiateSrc(t, src, opt))
		word := memWord(t, si.instance)
		text := strings.Repeat("aé漢😀", 2000)
		for _, name := range []string{"str_hash", "skip", "heavy"} {
			if _, err := si.inst.GetFunc(si.store, abi.ResetExport).Call(si.store); err != nil {
				t.Fatal(err)
			}
			addr := si.put([]rune(text))
			atomic.StoreInt32(word, 1)
			_, err := si.inst.GetFunc(si.store, name).Call(si.store, addr)
			code, _ := si.inst.GetFunc(si.store, abi.ErrorExport).Call(si.store)
			if err == nil || code.(int32) != int32(abi.ErrInterrupt) {
				t.Errorf("%v: %s with the word set: %v, error code %v; want the interrupt", opt, name, err, code)
			}
			atomic.StoreInt32(word, 0)
			if got := si.call(name, text); got.trap != "" {
				t.Errorf("%v: %s after the word was cleared = %+v", opt, name, got)
			}
		}
	}
}
