//go:build cgo

package wasmgen

import (
	"encoding/binary"
	"github.com/multilingualprogramming/multilingual/core/abi"
	"github.com/multilingualprogramming/multilingual/core/wasmgen/rt"
	"math"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/bytecodealliance/wasmtime-go/v39"
)

// strInstance runs testdata/strings.fr.ml with strings passed through the
// host protocol of abi.go (reset, alloc, write the object).
type strInstance struct {
	*instance
	mem *wasmtime.Memory
}

func newStrInstance(t *testing.T) *strInstance {
	t.Helper()
	in := instantiate(t, testdataModules(t)[filepath.Join("testdata", "strings.fr.ml")])
	return &strInstance{instance: in, mem: in.inst.GetExport(in.store, abi.MemoryExport).Memory()}
}

// newStrCaller wraps an instance whose module has str functions.
func newStrCaller(in *instance) *strInstance {
	return &strInstance{instance: in, mem: in.inst.GetExport(in.store, abi.MemoryExport).Memory()}
}

// encode gives Python's "surrogatepass" UTF-8 of code points.
func encode(cps []rune) []byte {
	var b []byte
	for _, r := range cps {
		if r >= 0xD800 && r <= 0xDFFF { // utf8 refuses surrogates
			b = append(b, 0xE0|byte(r>>12), 0x80|byte(r>>6)&0x3F, 0x80|byte(r)&0x3F)
			continue
		}
		b = utf8.AppendRune(b, r)
	}
	return b
}

// call resets the arena, writes every string argument (a string, or code
// points as []rune) with __ml_alloc and calls name; a name prefixed with
// "s:" has a str result, returned as a Go string of its bytes.
func (si *strInstance) call(name string, args ...any) result {
	si.t.Helper()
	strRes := strings.HasPrefix(name, "s:")
	name = strings.TrimPrefix(name, "s:")
	if _, err := si.inst.GetFunc(si.store, abi.ResetExport).Call(si.store); err != nil {
		si.t.Fatal(err)
	}
	conv := make([]any, len(args))
	for i, a := range args {
		switch a := a.(type) {
		case string:
			conv[i] = si.put([]rune(a))
		case []rune:
			conv[i] = si.put(a)
		default:
			conv[i] = a
		}
	}
	r := si.instance.call(name, conv...)
	if addr, ok := r.val.(int32); ok && strRes {
		r.val = si.get(addr)
	}
	return r
}

func (si *strInstance) put(cps []rune) int32 {
	b := encode(cps)
	p, err := si.inst.GetFunc(si.store, abi.AllocExport).Call(si.store, int32(abi.StrHeaderSize+len(b)))
	if err != nil {
		si.t.Fatal(err)
	}
	data := si.mem.UnsafeData(si.store)
	at := int(p.(int32))
	binary.LittleEndian.PutUint32(data[at:], uint32(len(b)))
	binary.LittleEndian.PutUint32(data[at+4:], uint32(len(cps)))
	copy(data[at+abi.StrHeaderSize:], b)
	return p.(int32)
}

// get reads the string at addr, checking its code point count.
func (si *strInstance) get(addr int32) string {
	data := si.mem.UnsafeData(si.store)
	n := binary.LittleEndian.Uint32(data[addr:])
	count := binary.LittleEndian.Uint32(data[addr+4:]) &^ rt.StrMark
	s := string(data[int(addr)+abi.StrHeaderSize : int(addr)+abi.StrHeaderSize+int(n)])
	if c := utf8.RuneCountInString(s); uint32(c) != count && utf8.ValidString(s) {
		si.t.Errorf("string %q has count %d, want %d", s, count, c)
	}
	return s
}

var strSamples = []string{"", "a", "ab", "abc", "abd", "ab\x00", "hello world", "é", "héllo", "漢字かな",
	"😀", "a😀b", "zzz", "\x7f", "\u0080", "\u07ff", "\u0800", "\uffff", "\U00010000", "\U0010ffff",
	strings.Repeat("xy", 40), strings.Repeat("é", 33)}

// pyIndex is Python's s[i] on code points, or "" with ok false for IndexError.
func pyIndex(s string, i int64) (string, bool) {
	r := []rune(s)
	if i < 0 {
		i += int64(len(r))
	}
	if i < 0 || i >= int64(len(r)) {
		return "", false
	}
	return string(r[i]), true
}

func TestStringsProgram(t *testing.T) {
	si := newStrInstance(t)
	call := si.call
	boolOf := func(b bool) int32 {
		if b {
			return 1
		}
		return 0
	}
	for _, a := range strSamples {
		n := int64(utf8.RuneCountInString(a))
		if got := call("taille", a); got.val != n {
			t.Errorf("taille(%q) = %+v, want %d", a, got, n)
		}
		for i := -n - 2; i <= n+1; i++ {
			want, ok := pyIndex(a, i)
			got := call("s:lettre", a, i)
			if ok && got.val != want || !ok && got.trap != "index" {
				t.Errorf("lettre(%q, %d) = %+v, want %q (ok %v)", a, i, got, want, ok)
			}
			got = call("code_à", a, i)
			if ok && got.val != int64([]rune(want)[0]) || !ok && got.trap != "index" {
				t.Errorf("code_à(%q, %d) = %+v, want ord(%q) (ok %v)", a, i, got, want, ok)
			}
		}
		for _, i := range []int64{math.MinInt64, math.MaxInt64, 1 << 32} {
			if got := call("s:lettre", a, i); got.trap != "index" {
				t.Errorf("lettre(%q, %d) = %+v, want IndexError", a, i, got)
			}
		}
		for _, b := range strSamples {
			cmp := int64(strings.Compare(a, b)) // bytes of valid UTF-8: code point order
			if got := call("compare", a, b); got.val != cmp {
				t.Errorf("compare(%q, %q) = %+v, want %d", a, b, got, cmp)
			}
			ord := int64(boolOf(a <= b)) + 2*int64(boolOf(a > b)) + 4*int64(boolOf(a >= b)) + 8*int64(boolOf(a != b))
			if got := call("ordre", a, b); got.val != ord {
				t.Errorf("ordre(%q, %q) = %+v, want %d", a, b, got, ord)
			}
			if got := call("s:joindre", a, b); got.val != a+b {
				t.Errorf("joindre(%q, %q) = %+v", a, b, got)
			}
			if got := call("contient", a, b); got.val != boolOf(strings.Contains(b, a)) {
				t.Errorf("contient(%q, %q) = %+v", a, b, got)
			}
			if got := call("absent", a, b); got.val != boolOf(!strings.Contains(b, a)) {
				t.Errorf("absent(%q, %q) = %+v", a, b, got)
			}
			want := a
			if a == "" {
				want = b
			}
			if got := call("s:choix", a, b); got.val != want {
				t.Errorf("choix(%q, %q) = %+v, want %q", a, b, got, want)
			}
		}
		for _, k := range []int64{-3, 0, 1, 2, 7} {
			want := ""
			if k > 0 {
				want = strings.Repeat(a, int(k))
			}
			if got := call("s:répéter", a, k); got.val != want {
				t.Errorf("répéter(%q, %d) = %+v", a, k, got)
			}
		}
		if a != "" {
			if got := call("s:répéter", a, int64(1)<<40); got.trap != "memory" {
				t.Errorf("répéter(%q, 2**40) = %+v, want MemoryError", a, got)
			}
		}
		h := int64(0)
		var rev []rune
		vowels := int64(0)
		for _, r := range a {
			h = (h*31 + int64(r)) % 1000000007
			rev = append([]rune{r}, rev...)
			if strings.ContainsRune("aeioué", r) {
				vowels++
			}
		}
		if got := call("codes", a); got.val != h {
			t.Errorf("codes(%q) = %+v, want %d", a, got, h)
		}
		if got := call("s:inverse", a); got.val != string(rev) {
			t.Errorf("inverse(%q) = %+v, want %q", a, got, string(rev))
		}
		if got := call("voyelles", a); got.val != vowels {
			t.Errorf("voyelles(%q) = %+v, want %d", a, got, vowels)
		}
		if got := call("vide", a); got.val != boolOf(a == "") {
			t.Errorf("vide(%q) = %+v", a, got)
		}
		if n == 1 {
			if got := call("code", a); got.val != int64([]rune(a)[0]) {
				t.Errorf("code(%q) = %+v", a, got)
			}
		} else if got := call("code", a); got.trap != "type" {
			t.Errorf("code(%q) = %+v, want a trap (TypeError in Python)", a, got)
		}
		in := int64(0)
		for _, w := range []string{"zéro", "un", "deux", a} {
			if w == a {
				in = 1
			}
		}
		if got := call("parmi", a, int64(3)); got.val != in+n {
			t.Errorf("parmi(%q, 3) = %+v, want %d", a, got, in+n)
		}
	}
	for _, cp := range []int64{0, 1, 'A', 0x7f, 0x80, 0xe9, 0x7ff, 0x800, 0xd7ff, 0xe000, 0xfffd, 0xffff,
		0x10000, 0x1f600, 0x10ffff} {
		got := call("s:car", cp)
		if got.val != string(rune(cp)) {
			t.Errorf("car(%#x) = %+v", cp, got)
		}
	}
	// a lone surrogate is a valid Python character, encoded in three bytes
	for _, cp := range []int64{0xd800, 0xdbff, 0xdc00, 0xdfff} {
		got := call("s:car", cp)
		if want := string(encode([]rune{rune(cp)})); got.val != want {
			t.Errorf("car(%#x) = %+v, want % x", cp, got, want)
		}
		if got := call("code", []rune{rune(cp)}); got.val != cp {
			t.Errorf("code(chr(%#x)) = %+v", cp, got)
		}
		if got := call("taille", []rune{'a', rune(cp), 'b'}); got.val != int64(3) {
			t.Errorf("taille('a' + chr(%#x) + 'b') = %+v", cp, got)
		}
	}
	for _, tt := range []struct {
		cp   int64
		trap string
	}{{-1, "value"}, {0x110000, "value"}, {-(1 << 31), "value"}, {1<<31 - 1, "value"},
		{1 << 31, "overflow"}, {-(1 << 31) - 1, "overflow"}, {math.MinInt64, "overflow"}, {math.MaxInt64, "overflow"}} {
		if got := call("s:car", tt.cp); got.trap != tt.trap {
			t.Errorf("car(%d) = %+v, want %s", tt.cp, got, tt.trap)
		}
	}
	for _, n := range []int64{0, 1, 2, 3, 5, 40, 3000} {
		var b strings.Builder
		for i := int64(0); i < n; i++ {
			b.WriteRune(rune(65 + i%26))
			b.WriteRune(rune(0x4e00 + i))
		}
		if got := call("s:construire", n); got.val != b.String() {
			t.Errorf("construire(%d) = %.60v, want %.60q", n, got, b.String())
		}
		r := "ab" + strings.Repeat("x", int(n))
		alias := "ab"
		if n > 2 {
			alias = "abxxx"
		}
		if got := call("s:alias", n); got.val != alias+"|"+r {
			t.Errorf("alias(%d) = %+v, want %q", n, got, alias+"|"+r)
		}
		if got := call("dans_liste", n); got.val != n*(n+1)/2 {
			t.Errorf("dans_liste(%d) = %+v, want %d", n, got, n*(n+1)/2)
		}
	}
	for _, a := range strSamples {
		if got := call("s:doubler", a); got.val != a+a {
			t.Errorf("doubler(%q) = %+v", a, got)
		}
	}
	for _, v := range intSamples {
		want := strconv.FormatInt(v, 10) + strconv.FormatBool(v > 0) + "!"
		want = strings.Replace(strings.Replace(want, "true", "True", 1), "false", "False", 1)
		if got := call("s:texte", v); got.val != want {
			t.Errorf("texte(%d) = %+v, want %q", v, got, want)
		}
	}
}

// __ml_str_pos goes on from the last position it found in the same
// string: forward and backward passes, a string extended in place between
// two lookups, and two strings read in turn all give Python's characters.
func TestStrPosCache(t *testing.T) {
	in := compileSrc(t, `def walk(n: int) -> int:
    s = "aé😀漢" * n
    h = 0
    for i in range(len(s)):
        h = h * 31 % 1000003 + ord(s[i])
    for i in range(len(s) - 1, -1, -1):
        h = h * 7 % 1000003 + ord(s[i])
    for i in range(0, len(s), 3):
        h = h * 5 % 1000003 + ord(s[i]) + ord(s[i // 2])
    return h

def grow(n: int) -> int:
    r = "é"
    h = 0
    for i in range(n):
        h = h * 3 % 1000003 + ord(r[i])
        r = r + chr(19968 + i)
    return h + len(r)

def two(n: int) -> int:
    a = "é" * n + "x"
    b = "漢字" * n
    h = 0
    for i in range(n):
        h = h * 3 % 1000003 + ord(a[i]) - ord(b[-1 - i])
    return h
`)
	runes := func(s string) []rune { return []rune(s) }
	for _, n := range []int64{0, 1, 2, 5, 40} {
		s := runes(strings.Repeat("aé😀漢", int(n)))
		h := int64(0)
		for i := range s {
			h = h*31%1000003 + int64(s[i])
		}
		for i := len(s) - 1; i >= 0; i-- {
			h = h*7%1000003 + int64(s[i])
		}
		for i := 0; i < len(s); i += 3 {
			h = h*5%1000003 + int64(s[i]) + int64(s[i/2])
		}
		if got := in.call("walk", n); got.val != h {
			t.Errorf("walk(%d) = %+v, want %d", n, got, h)
		}
		r := []rune{'é'}
		g := int64(0)
		for i := int64(0); i < n; i++ {
			g = g*3%1000003 + int64(r[i])
			r = append(r, rune(19968+i))
		}
		if got := in.call("grow", n); got.val != g+int64(len(r)) {
			t.Errorf("grow(%d) = %+v, want %d", n, got, g+int64(len(r)))
		}
		a, b := runes(strings.Repeat("é", int(n))+"x"), runes(strings.Repeat("漢字", int(n)))
		w := int64(0)
		for i := 0; i < int(n); i++ {
			w = ((w*3)%1000003+1000003)%1000003 + int64(a[i]) - int64(b[len(b)-1-i]) // Python's % is never negative here
		}
		if got := in.call("two", n); got.val != w {
			t.Errorf("two(%d) = %+v, want %d", n, got, w)
		}
	}
}
