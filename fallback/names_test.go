package fallback

import (
	"testing"
)

func TestNamer(t *testing.T) {
	names := []string{
		"x", "résultat", "class", "True", "print", "len", "__name__", "__ml_main__",
		"ｘ", "x_ml1", "_uFF58_ml1", "AssertionError", "match", "type", "_", "\u0928\u093C",
		"range", "संख्या", "合計",
	}
	builtins := map[string]bool{"print": true, "range": true}
	want := map[string]string{
		"x":        "x",
		"résultat": "résultat",
		"class":    "class_ml1", // Python keyword
		"True":     "True_ml1",  // keyword in Python, a plain name in German
		"print":    "print_ml1", // the program also calls the builtin print
		"range":    "range_ml1",
		"len":      "len",      // builtin not used: no clash
		"__name__": "__name__", // Python's dunder names are the program's too
		// Renamed names are numbered in sorted order, after the kept ones.
		"__ml_main__":    "__ml_main___ml1",
		"ｘ":              "_uFF58_ml2", // _uFF58_ml1 is a program name
		"x_ml1":          "x_ml1",
		"_uFF58_ml1":     "_uFF58_ml1",
		"AssertionError": "AssertionError_ml1",
		"match":          "match", // soft keywords are names
		"type":           "type",
		"_":              "_",
		"\u0928\u093C":   "न_u093C_ml1",
		"संख्या":         "संख्या",
		"合計":             "合計",
	}
	n := newNamer(names, builtins)
	for src, py := range want {
		if got := n.name(src); got != py {
			t.Errorf("name(%q) = %q, want %q", src, got, py)
		}
	}
	// The mapping is one to one.
	seen := map[string]string{}
	for _, s := range names {
		p := n.name(s)
		if other, dup := seen[p]; dup {
			t.Errorf("%q and %q both map to %q", s, other, p)
		}
		seen[p] = s
	}
	// It does not depend on the order the names come in, nor on repeats.
	rev := make([]string, 0, 2*len(names))
	for i := len(names) - 1; i >= 0; i-- {
		rev = append(rev, names[i], names[i])
	}
	n2 := newNamer(rev, builtins)
	for _, s := range names {
		if n.name(s) != n2.name(s) {
			t.Errorf("name(%q) depends on order: %q vs %q", s, n.name(s), n2.name(s))
		}
	}
}

func TestNamerRenameCollision(t *testing.T) {
	// A renamed name skips numbers already used by program names.
	n := newNamer([]string{"class", "class_ml1", "class_ml2"}, nil)
	if got := n.name("class"); got != "class_ml3" {
		t.Errorf("name(class) = %q, want class_ml3", got)
	}
}

// TestAttrSpelling checks that an attribute keeps its name unless Python
// could not read it, and that a name renamed both as a variable and as an
// attribute is spelled the same in both roles.
func TestAttrSpelling(t *testing.T) {
	n := newNamer([]string{"class", "print", "x"}, map[string]bool{"print": true},
		"append", "ajouter", "class", "ｐop", "print", "__init__", "__ml_x", "nur_attr")
	tests := []struct{ in, attr, name string }{
		{"append", "append", "append"},
		{"ajouter", "ajouter", "ajouter"},
		{"class", "class_ml1", "class_ml1"},
		{"ｐop", "_uFF50op_ml1", "_uFF50op_ml1"},
		{"print", "print", "print_ml1"}, // a method print hides no builtin
		{"__init__", "__init__", "__init__"},
		{"__ml_x", "__ml_x_ml1", "__ml_x_ml1"},
		{"x", "x", "x"},
	}
	for _, tt := range tests {
		if got := n.attrName(tt.in); got != tt.attr {
			t.Errorf("attrName(%q) = %q, want %q", tt.in, got, tt.attr)
		}
		if got := n.name(tt.in); got != tt.name {
			t.Errorf("name(%q) = %q, want %q", tt.in, got, tt.name)
		}
	}
}
