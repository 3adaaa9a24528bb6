package fallback

import (
	"fmt"
	"strings"
	"unicode"
)

// Python reads identifiers through NFKC normalization (PEP 3131): `ｘ`
// (full-width) and `x` are the same variable to Python, and so are `ﬁ` and
// `fi`, or a decomposed `é` and the precomposed one. A source name that NFKC
// would change must therefore never reach the generated code as written, or
// two distinct source names could become one Python name.
//
// Go's standard library has no normalizer and the module takes no new
// dependency, so the test below is conservative instead of exact: a name is
// kept only when every rune lies in an allow-list of ranges known to be
// NFKC-stable and valid in Python identifiers since Unicode 13.0 (Python
// 3.10), and no two neighbouring runes can compose or be reordered by
// normalization. Everything else (full-width and half-width forms,
// ligatures, super- and subscripts, letterlike symbols, compatibility
// ideographs, combining marks of the Latin, Greek and Arabic blocks, kana
// voicing marks, scripts not listed) is treated as unstable, and the name is
// renamed. Renaming too much is harmless, since __ml_names__ maps every
// function's source name to its Python name; keeping a name Python would
// normalize is not, and the Python-side tests check the allow-list against
// unicodedata.normalize.

// stableRanges lists, sorted, the code points that are NFKC-stable on their
// own and valid inside a Python identifier. Each range only holds letters,
// combining marks (Mn, Mc) and decimal digits once filtered by category.
var stableRanges = [][2]rune{
	{'0', '9'}, {'A', 'Z'}, {'_', '_'}, {'a', 'z'},
	// Latin-1 letters; ª, º and µ have compatibility decompositions.
	{0x00C0, 0x00D6}, {0x00D8, 0x00F6}, {0x00F8, 0x00FF},
	// Latin Extended-A without Ĳ ĳ Ŀ ŀ ŉ ſ.
	{0x0100, 0x0131}, {0x0134, 0x013E}, {0x0141, 0x0148}, {0x014A, 0x017E},
	// Latin Extended-B without the DŽ…nj and DZ…dz digraphs.
	{0x0180, 0x01C3}, {0x01CD, 0x01F0}, {0x01F4, 0x024F},
	// Greek letters with tonos and the basic alphabet (no symbols, no
	// Greek Extended, which holds canonical singletons).
	{0x0386, 0x0386}, {0x0388, 0x038A}, {0x038C, 0x038C}, {0x038E, 0x03A1}, {0x03A3, 0x03CE},
	// Cyrillic without the combining marks U+0483-0489.
	{0x0400, 0x0481}, {0x048A, 0x04FF},
	// Arabic letters and digits, without harakat and other marks, and
	// without U+0675-0678 (compatibility forms with high hamza).
	{0x0620, 0x064A}, {0x0660, 0x0669}, {0x066E, 0x066F}, {0x0671, 0x0674},
	{0x0679, 0x06D3}, {0x06D5, 0x06D5}, {0x06EE, 0x06FC}, {0x06FF, 0x06FF},
	// Devanagari without the stress signs U+0951-0954 (combining classes
	// 220/230), the excluded nukta letters U+0958-095F and punctuation.
	{0x0900, 0x0950}, {0x0955, 0x0957}, {0x0960, 0x0963}, {0x0966, 0x096F}, {0x0971, 0x097F},
	// Bengali without the excluded nukta letters U+09DC, 09DD, 09DF and
	// the sandhi mark U+09FE (class 230).
	{0x0980, 0x09DB}, {0x09DE, 0x09DE}, {0x09E0, 0x09FD},
	// Tamil.
	{0x0B80, 0x0BFF},
	// Ideographic iteration and closing marks, ideographic zero, kana
	// repeat marks.
	{0x3005, 0x3007}, {0x3031, 0x3035}, {0x303B, 0x303C},
	// Hiragana without the combining voicing marks U+3099-309C and the
	// digraph yori U+309F.
	{0x3041, 0x3096}, {0x309D, 0x309E},
	// Katakana without the middle dot and the digraph koto U+30FF.
	{0x30A1, 0x30FA}, {0x30FC, 0x30FE}, {0x31F0, 0x31FF},
	// CJK Extension A and the Unified Ideographs as of Unicode 13.0.
	{0x3400, 0x4DBF}, {0x4E00, 0x9FFC},
	// Hangul syllables (the conjoining jamo are left out).
	{0xAC00, 0xD7A3},
	// CJK Extensions B to G as of Unicode 13.0 (the compatibility
	// ideographs at U+F900 and U+2F800 are canonical singletons).
	{0x20000, 0x2A6DD}, {0x2A700, 0x2B734}, {0x2B740, 0x2B81D}, {0x2B820, 0x2CEA1},
	{0x2CEB0, 0x2EBE0}, {0x30000, 0x3134A},
}

// markBlocks are the blocks whose combining marks are allowed, each only
// right after another rune of the same block.
var markBlocks = [][2]rune{{0x0900, 0x097F}, {0x0980, 0x09FF}, {0x0B80, 0x0BFF}}

// inStableRange reports whether r is in stableRanges and is a letter, a
// combining mark or a decimal digit.
func inStableRange(r rune) bool {
	lo, hi := 0, len(stableRanges)
	for lo < hi {
		m := (lo + hi) / 2
		switch {
		case r < stableRanges[m][0]:
			hi = m
		case r > stableRanges[m][1]:
			lo = m + 1
		default:
			return r == '_' || unicode.IsLetter(r) || isMark(r) || unicode.Is(unicode.Nd, r)
		}
	}
	return false
}

// isMark reports whether r is a non-spacing or spacing combining mark.
func isMark(r rune) bool { return unicode.In(r, unicode.Mn, unicode.Mc) }

// blockOf returns the index of the mark block holding r, or -1.
func blockOf(r rune) int {
	for i, b := range markBlocks {
		if r >= b[0] && r <= b[1] {
			return i
		}
	}
	return -1
}

// composesOrReorders reports whether normalization could change the pair
// prev, r of two runes that are each stable on their own: a canonical
// composition (न + nukta -> ऩ, Bengali and Tamil two-part vowel signs) or a
// reordering of combining marks (nukta, class 7, after virama, class 9).
func composesOrReorders(prev, r rune) bool {
	switch r {
	case 0x093C: // Devanagari nukta
		return prev == 0x0928 || prev == 0x0930 || prev == 0x0933 || prev == 0x094D
	case 0x09BC: // Bengali nukta
		return prev == 0x09CD
	case 0x09BE, 0x09D7: // Bengali vowel sign aa, au length mark
		return prev == 0x09C7
	case 0x0BBE: // Tamil vowel sign aa
		return prev == 0x0BC6 || prev == 0x0BC7
	case 0x0BD7: // Tamil au length mark
		return prev == 0x0BC6 || prev == 0x0B92
	}
	return false
}

// unstableAt reports, for each rune of name, whether it keeps name from
// being written as is: outside the allow-list, a mark that does not follow a
// rune of its own block, a rune that composes with or reorders around the
// previous one, or a first rune that cannot start a Python identifier.
func unstableAt(name []rune) []bool {
	bad := make([]bool, len(name))
	for i, r := range name {
		switch {
		case !inStableRange(r):
			bad[i] = true
		case i == 0 && r != '_' && !unicode.IsLetter(r):
			bad[i] = true
		case isMark(r):
			b := blockOf(r)
			bad[i] = b < 0 || i == 0 || blockOf(name[i-1]) != b || composesOrReorders(name[i-1], r)
		case i > 0:
			bad[i] = composesOrReorders(name[i-1], r)
		}
	}
	return bad
}

// isStableIdent reports whether name can be written in Python as it is: a
// valid identifier that NFKC normalization leaves unchanged.
func isStableIdent(name string) bool {
	if name == "" {
		return false
	}
	for _, bad := range unstableAt([]rune(name)) {
		if bad {
			return false
		}
	}
	return true
}

// escapeIdent returns a stable identifier for name: each rune that keeps
// name from being stable is replaced by _uXXXX (its code point in hex).
// Removing a rune can expose its neighbour (a mark now following '_'), so
// the replacement repeats until the result is stable; each round replaces
// at least one non-ASCII rune by ASCII text, so it ends.
func escapeIdent(name string) string {
	if name == "" {
		return "_"
	}
	rs := []rune(name)
	for {
		bad := unstableAt(rs)
		changed := false
		var b strings.Builder
		for i, r := range rs {
			if bad[i] {
				changed = true
				fmt.Fprintf(&b, "_u%04X", r)
			} else {
				b.WriteRune(r)
			}
		}
		if !changed {
			return string(rs)
		}
		rs = []rune(b.String())
	}
}
