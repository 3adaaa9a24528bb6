//go:build cgo

package wasmgen

import (
	"fmt"
	"math"
	"math/big"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

// A polyCase is one hash loop of polyHashSrc with its reference: the
// update of h for one code point, in exact (big) integers, then reduced
// with Python's % (the masks give the same residue).
type polyCase struct {
	name string
	w    uint                         // the residue is modulo 2**w
	f    func(h, c *big.Int) *big.Int // h = F(h, c) before the reduction
}

// polyHashSrc has the loops the polyhash pass rewrites: multipliers that
// are small (lanes; 323 the largest, 515 past it), 2**n +- 1, large, negative, zero, powers of two past
// the residue; moduli and masks from 2**1 to 2**63 - 1; g(c) of every
// affine shape; h a parameter, so that it starts anywhere in i64.
const polyHashSrc = `def p31(s: str, h: int) -> int:
    for c in s:
        h = (h * 31 + ord(c)) % 2**32
    return h

def mask31(s: str, h: int) -> int:
    for c in s:
        h = (31 * h + ord(c)) & 0xffffffff
    return h

def djb2(s: str, h: int) -> int:
    for c in s:
        h = ((h << 5) + h + ord(c)) & 0xffff
    return h

def sdbm(s: str, h: int) -> int:
    for c in s:
        h = (ord(c) + (h << 6) + (h << 16) - h) % 2**32
    return h

def neg(s: str, h: int) -> int:
    for c in s:
        h = (-(h * 31) - ord(c)) % 2**8
    return h

def affine(s: str, h: int) -> int:
    for c in s:
        h = (h * 257 + 3 * ord(c) - 7) % 2**40
    return h

def big(s: str, h: int) -> int:
    for c in s:
        h = (h * 1000003 + ~ord(c)) & 0x7fffffffffffffff
    return h

def huge(s: str, h: int) -> int:
    for c in s:
        h = (h * 0x5bd1e995 + ord(c) * 0x9e3779b9) % 2**61
    return h

def even(s: str, h: int) -> int:
    for c in s:
        h = (h * (1 << 33) + ord(c)) % 2**32
    return h

def zero(s: str, h: int) -> int:
    for c in s:
        h = (h * 0 + ord(c) + 1) % 2**16
    return h

def one(s: str, h: int) -> int:
    for c in s:
        h = (h + ord(c)) % 2
    return h

def edge(s: str, h: int) -> int:
    for c in s:
        h = (h * 323 + ord(c)) % 2**32
    return h

def past(s: str, h: int) -> int:
    for c in s:
        h = (h * 515 + ord(c)) % 2**32
    return h

def minus(s: str, h: int) -> int:
    for c in s:
        h = (h * -31 + ord(c)) % 2**32
    return h
`

func bigMul(x *big.Int, k int64) *big.Int { return new(big.Int).Mul(x, big.NewInt(k)) }

// polyCases are the references of polyHashSrc's functions.
var polyCases = []polyCase{
	{"p31", 32, func(h, c *big.Int) *big.Int { return new(big.Int).Add(bigMul(h, 31), c) }},
	{"mask31", 32, func(h, c *big.Int) *big.Int { return new(big.Int).Add(bigMul(h, 31), c) }},
	{"djb2", 16, func(h, c *big.Int) *big.Int { return new(big.Int).Add(bigMul(h, 33), c) }},
	{"sdbm", 32, func(h, c *big.Int) *big.Int { return new(big.Int).Add(bigMul(h, 65599), c) }},
	{"neg", 8, func(h, c *big.Int) *big.Int { return new(big.Int).Sub(bigMul(h, -31), c) }},
	{"affine", 40, func(h, c *big.Int) *big.Int {
		return new(big.Int).Add(bigMul(h, 257), new(big.Int).Sub(bigMul(c, 3), big.NewInt(7)))
	}},
	{"big", 63, func(h, c *big.Int) *big.Int {
		return new(big.Int).Add(bigMul(h, 1000003), new(big.Int).Not(c))
	}},
	{"huge", 61, func(h, c *big.Int) *big.Int {
		return new(big.Int).Add(bigMul(h, 0x5bd1e995), bigMul(c, 0x9e3779b9))
	}},
	{"even", 32, func(h, c *big.Int) *big.Int { return new(big.Int).Add(bigMul(h, 1<<33), c) }},
	{"zero", 16, func(h, c *big.Int) *big.Int { return new(big.Int).Add(c, big.NewInt(1)) }},
	{"one", 1, func(h, c *big.Int) *big.Int { return new(big.Int).Add(h, c) }},
	{"edge", 32, func(h, c *big.Int) *big.Int { return new(big.Int).Add(bigMul(h, 323), c) }},
	{"past", 32, func(h, c *big.Int) *big.Int { return new(big.Int).Add(bigMul(h, 515), c) }},
	{"minus", 32, func(h, c *big.Int) *big.Int { return new(big.Int).Add(bigMul(h, -31), c) }},
}

// ref runs the loop of pc over the code points of s from h.
func (pc polyCase) ref(s []rune, h int64) int64 {
	m := new(big.Int).Lsh(big.NewInt(1), pc.w)
	x := big.NewInt(h)
	for _, r := range s {
		x = pc.f(x, big.NewInt(int64(r)))
		x.Mod(x, m) // Euclidean: in [0, m), as Python's % by m > 0
	}
	return x.Int64()
}

// polyTexts are strings of every shape: empty, one to three characters,
// ASCII, non-ASCII of each UTF-8 length, surrogates, lengths around the
// eight bytes of a step and the 1,024 of a chunk, a sequence that
// crosses a chunk's limit, and random mixes.
func polyTexts() [][]rune {
	texts := [][]rune{nil, []rune("a"), []rune("ab"), []rune("abc"), []rune("é"), []rune("😀"),
		[]rune("\U0010ffff"), {0xD800}, {0xDFFF, 'a'}, []rune("abcdefg"), []rune("abcdefgh"),
		[]rune("abcdefghi"), []rune("\x00\x7f\x00\x7f\x00\x7f\x00\x7f\x00"), []rune("ééééééééé"),
		[]rune("漢字漢字漢字"), []rune("😀😀😀😀😀"), []rune("abcdefgé"), []rune("éabcdefgh"),
		[]rune("abcdefg😀hijklmn"), []rune(strings.Repeat("\x7f", 17))}
	for _, n := range []int{15, 16, 17, 1021, 1022, 1023, 1024, 1025, 2047, 2048, 2049, 5000} {
		texts = append(texts, []rune(strings.Repeat("x", n)))
		for _, tail := range []string{"é", "漢", "😀"} {
			texts = append(texts, []rune(strings.Repeat("y", n-1)+tail+"abcdefghij"))
		}
	}
	rng := rand.New(rand.NewPCG(18, 1))
	pool := []rune{'a', 'Z', ' ', 0, 0x7f, 0x80, 0xe9, 0x7ff, 0x800, 0x6f22, 0xD800, 0xDFFF, 0xffff,
		0x10000, 0x1f600, 0x10ffff}
	for i := 0; i < 60; i++ {
		n := rng.IntN(3000)
		share := rng.Float64() // how often a character comes from pool
		s := make([]rune, n)
		for j := range s {
			if rng.Float64() < share {
				s[j] = pool[rng.IntN(len(pool))]
			} else {
				s[j] = rune(32 + rng.IntN(95))
			}
		}
		texts = append(texts, s)
	}
	return texts
}

// TestPolyHash runs every loop of polyHashSrc over polyTexts from several
// starting values, in several option sets, against the big-integer
// references. With polyhash, no call traps; without it and wrapmod, a
// product may overflow and trap (the call re-runs in Python).
func TestPolyHash(t *testing.T) {
	starts := []int64{0, 1, 5381, -1, -5, math.MaxInt64, math.MinInt64, 2166136261}
	texts := polyTexts()
	for _, opt := range []Options{{}, {Optimize: true}, {Optimize: true, Disable: PassSet(PassPolyHash)},
		{Optimize: true, Disable: PassSet(PassWrapMod | PassStrChars | PassCarried)}} {
		si := newStrCaller(instantiateSrc(t, polyHashSrc, opt))
		for _, pc := range polyCases {
			for i, s := range texts {
				h := starts[i%len(starts)]
				want := pc.ref(s, h)
				got := si.call(pc.name, s, h)
				if got.trap != "" && opt.Passes().Has(PassPolyHash) || got.trap == "" && got.val != want {
					t.Errorf("%v: %s(%q, %d) = %+v, want %d", opt, pc.name, shorten(s), h, got, want)
				}
			}
		}
	}
}

// shorten is s for an error message: at most 40 code points.
func shorten(s []rune) string {
	if len(s) > 40 {
		return fmt.Sprintf("%s... (%d code points)", string(s[:40]), len(s))
	}
	return string(s)
}

// TestPolyHashCode checks which loops the pass takes: every function of
// polyHashSrc (i64.ctz marks the step over eight bytes), and none of the
// loops below, whose h is read elsewhere, whose update is not linear in
// h and ord(c), or whose reduction is not a power of two.
func TestPolyHashCode(t *testing.T) {
	others := `def fnv(s: str) -> int:
    h = 2166136261
    for c in s:
        h = ((h ^ ord(c)) * 16777619) % 2**32
    return h

def square(s: str) -> int:
    h = 0
    for c in s:
        h = (h * 31 + ord(c) * ord(c)) % 2**32
    return h

def prime(s: str) -> int:
    h = 0
    for c in s:
        h = (h * 31 + ord(c)) % 1000000007
    return h

def two(s: str) -> int:
    h = 0
    n = 0
    for c in s:
        h = (h * 31 + ord(c)) % 2**32
        n += 1
    return h + n

def other(s: str, k: int) -> int:
    h = 0
    for c in s:
        h = (h * k + ord(c)) % 2**32
    return h

def grows(s: str) -> int:
    h = 0
    for c in s:
        h = h * 31 + ord(c)
    return h

def asstr(s: str) -> int:
    h = 0
    for c in s:
        h = (h * 31 + len(c)) % 2**32
    return h

def hsquared(s: str) -> int:
    h = 0
    for c in s:
        h = (h * h + ord(c)) % 2**32
    return h
`
	f, info := checkSrc(t, polyHashSrc+"\n"+others)
	gen := func(opt Options) string {
		m, err := Generate(f, info, opt)
		if err != nil {
			t.Fatal(err)
		}
		return m.WAT()
	}
	all, off := gen(Options{Optimize: true}), gen(Options{Optimize: true, Disable: PassSet(PassPolyHash)})
	if !utf8.ValidString(all) {
		t.Errorf("the text of the module with polyhash's tables is not UTF-8")
	}
	for _, pc := range polyCases {
		if !strings.Contains(funcWAT(all, pc.name), "i64.ctz") {
			t.Errorf("polyhash does not take %s", pc.name)
		}
		if strings.Contains(funcWAT(off, pc.name), "i64.ctz") {
			t.Errorf("%s steps over eight bytes with polyhash off", pc.name)
		}
	}
	for _, name := range []string{"fnv", "square", "prime", "two", "other", "grows", "asstr", "hsquared"} {
		if strings.Contains(funcWAT(all, name), "i64.ctz") {
			t.Errorf("polyhash takes %s", name)
		}
	}
	if base := gen(Options{}); strings.Contains(base, "i64.ctz") {
		t.Errorf("polyhash runs without Optimize")
	}
}

func TestLanesFit(t *testing.T) {
	for _, tt := range []struct {
		k    uint64
		want bool
	}{{0, true}, {1, true}, {31, true}, {257, true}, {323, true}, {324, false}, {515, false},
		{65599, false}, {1 << 33, false}, {math.MaxUint64, false}} {
		if got := lanesFit(tt.k); got != tt.want {
			t.Errorf("lanesFit(%d) = %v, want %v", tt.k, got, tt.want)
		}
	}
}
