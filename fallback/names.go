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

// reservedPrefix starts the names of the generated module's own globals
// (__ml_run__, __ml_names__, ...): a source name with this prefix is
// renamed.
const reservedPrefix = "__ml"

// renameSuffix starts the suffix of every renamed identifier: `class`
// becomes `class_ml1`.
const renameSuffix = "_ml"

// A namer maps every name of the program, as written, to the Python name
// the generated code uses for it. The mapping depends on the name alone,
// never on the scope it appears in, so that a global read inside a
// function, the same global assigned by the top level and the entry of
// __ml_names__ all agree.
//
// A name has two spellings. Its variable spelling (name) is used wherever
// it is a variable; its attribute spelling (attr) wherever it is an
// attribute: after a dot, bound in a class body, as an imported name, a
// keyword of a class pattern. The two differ only for a name that would
// hide a builtin the program calls (a variable `print` beside ausgeben is
// renamed, a method `print` is not: attributes hide nothing), so that an
// attribute keeps its name unless Python could not read it as written.
type namer struct {
	py   map[string]string // source name -> variable spelling
	attr map[string]string // source name -> attribute spelling, for renamed attributes only
}

// newNamer decides the Python name of each of names (variables, in any
// order, with repeats) and attrs (attribute names). builtins holds the
// canonical builtin names the generated code calls; a variable equal to
// one of them would hide it and is renamed.
//
// A variable is kept as written when it is NFKC-stable (see
// isStableIdent), is not a Python keyword, does not start with "__ml" (our
// names) and is neither a used builtin nor a name the generator emits; an
// attribute when it is NFKC-stable, not a keyword and not "__ml"-prefixed.
// Any other name becomes its escaped form plus "_ml<n>", with the smallest
// n that collides with no kept name and no earlier renamed one; renamed
// names are processed in sorted order, so the result only depends on the
// sets of names, and a name renamed both as a variable and as an attribute
// gets the same spelling in both roles.
func newNamer(names []string, builtins map[string]bool, attrs ...string) *namer {
	n := &namer{py: make(map[string]string), attr: make(map[string]string)}
	uniq := func(list []string) []string {
		out := make([]string, 0, len(list))
		seen := make(map[string]bool)
		for _, s := range list {
			if !seen[s] {
				seen[s] = true
				out = append(out, s)
			}
		}
		return out
	}
	vars, attrNames := uniq(names), uniq(attrs)
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
	renamed := make(map[string]bool)
	for _, s := range vars {
		if keepName(s, builtins) {
			n.py[s] = s
			taken[s] = true
		} else {
			renamed[s] = true
		}
	}
	for _, s := range attrNames {
		if keepAttr(s) {
			taken[s] = true
		} else {
			renamed[s] = true
		}
	}
	order := make([]string, 0, len(renamed))
	for s := range renamed {
		order = append(order, s)
	}
	sort.Strings(order)
	isVar := make(map[string]bool, len(vars))
	for _, s := range vars {
		isVar[s] = true
	}
	for _, s := range order {
		base := escapeIdent(s) + renameSuffix
		for i := 1; ; i++ {
			cand := base + strconv.Itoa(i)
			if !taken[cand] {
				taken[cand] = true
				if isVar[s] && !keepName(s, builtins) {
					n.py[s] = cand
				}
				if !keepAttr(s) {
					n.attr[s] = cand
				}
				break
			}
		}
	}
	return n
}

// keepAttr reports whether source name s can be written as is where it
// is an attribute: Python reads it unchanged and it is not one of ours.
func keepAttr(s string) bool {
	return isStableIdent(s) && !pythonKeywords[s] && !strings.HasPrefix(s, reservedPrefix)
}

// keepName reports whether source name s can be written as is where it
// is a variable.
func keepName(s string, builtins map[string]bool) bool {
	return keepAttr(s) && !generatorNames[s] && !builtins[s]
}

// name returns the variable spelling of source name s. A name that
// newNamer was not given is mapped on the spot with the same rules,
// without collision checks; the generator always collects every name
// first.
func (n *namer) name(s string) string {
	if p, ok := n.py[s]; ok {
		return p
	}
	if keepName(s, nil) {
		return s
	}
	if p, ok := n.attr[s]; ok {
		return p
	}
	return escapeIdent(s) + renameSuffix + "0"
}

// attrName returns the attribute spelling of source name s: s itself
// unless Python could not read it as written (see newNamer).
func (n *namer) attrName(s string) string {
	if keepAttr(s) {
		return s
	}
	if p, ok := n.attr[s]; ok {
		return p
	}
	if p, ok := n.py[s]; ok {
		return p
	}
	return escapeIdent(s) + renameSuffix + "0"
}
