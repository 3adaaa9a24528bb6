package fallback

import (
	"sort"
	"strconv"
	"strings"
)

// pythonKeywords are Python's hard keywords (3.10 and later). Soft keywords
// (match, case, type, _) stay usable as names, so they are not listed.
var pythonKeywords = map[string]bool{
	"False": true, "None": true, "True": true, "and": true, "as": true, "assert": true,
	"async": true, "await": true, "break": true, "class": true, "continue": true,
	"def": true, "del": true, "elif": true, "else": true, "except": true,
	"finally": true, "for": true, "from": true, "global": true, "if": true,
	"import": true, "in": true, "is": true, "lambda": true, "nonlocal": true,
	"not": true, "or": true, "pass": true, "raise": true, "return": true,
	"try": true, "while": true, "with": true, "yield": true,
}

// generatorNames are Python names the generated code refers to by itself,
// whatever the program uses: a source name equal to one is renamed so that
// it cannot hide them.
var generatorNames = map[string]bool{"AssertionError": true}

// renameSuffix starts the suffix of every renamed identifier: `class`
// becomes `class_ml1`.
const renameSuffix = "_ml"

// A namer maps every name of the program, as written, to the Python name
// the generated code uses for it. The mapping depends on the name alone,
// never on the scope it appears in, so that a global read inside a
// function, the same global assigned by the top level and the entry of
// __ml_names__ all agree.
type namer struct {
	py map[string]string // source name -> Python name
}

// newNamer decides the Python name of each of names (in any order, with
// repeats). builtins holds the canonical builtin names the generated code
// calls; a program name equal to one of them would hide it and is renamed.
//
// A name is kept as written when it is NFKC-stable (see isStableIdent), is
// not a Python keyword, does not start with "__" (dunder names are
// Python's, and __ml_* are ours) and is neither a used builtin nor a name
// the generator emits. Any other name becomes its escaped form plus
// "_ml<n>", with the smallest n that collides with no kept name and no
// earlier renamed one; renamed names are processed in sorted order, so the
// result only depends on the set of names.
func newNamer(names []string, builtins map[string]bool) *namer {
	n := &namer{py: make(map[string]string)}
	uniq := make([]string, 0, len(names))
	seen := make(map[string]bool)
	for _, s := range names {
		if !seen[s] {
			seen[s] = true
			uniq = append(uniq, s)
		}
	}
	sort.Strings(uniq)
	taken := make(map[string]bool)
	for k := range pythonKeywords {
		taken[k] = true
	}
	for k := range generatorNames {
		taken[k] = true
	}
	for k := range builtins {
		taken[k] = true
	}
	var renamed []string
	for _, s := range uniq {
		if keepName(s, builtins) {
			n.py[s] = s
			taken[s] = true
		} else {
			renamed = append(renamed, s)
		}
	}
	for _, s := range renamed {
		base := escapeIdent(s) + renameSuffix
		for i := 1; ; i++ {
			cand := base + strconv.Itoa(i)
			if !taken[cand] {
				n.py[s] = cand
				taken[cand] = true
				break
			}
		}
	}
	return n
}

// keepName reports whether source name s can be written in Python as is.
func keepName(s string, builtins map[string]bool) bool {
	return isStableIdent(s) && !pythonKeywords[s] && !generatorNames[s] &&
		!builtins[s] && !strings.HasPrefix(s, "__")
}

// name returns the Python name of source name s. A name that newNamer was
// not given is mapped on the spot with the same rules, without collision
// checks; the generator always collects every name first.
func (n *namer) name(s string) string {
	if p, ok := n.py[s]; ok {
		return p
	}
	if keepName(s, nil) {
		return s
	}
	return escapeIdent(s) + renameSuffix + "0"
}

// attrName returns the Python spelling of an attribute (method) name that
// the checker did not resolve to a canonical method: it is written as is
// when Python would read it unchanged, else escaped, so that the module
// still compiles and the call fails at run time with AttributeError as it
// would in Python.
func attrName(s string) string {
	if isStableIdent(s) && !pythonKeywords[s] {
		return s
	}
	return escapeIdent(s) + renameSuffix
}
