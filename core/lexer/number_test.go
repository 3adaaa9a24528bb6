package lexer

import (
	"testing"
	"unicode"
)

func TestDigitValue(t *testing.T) {
	tests := []struct {
		r    rune
		want int
	}{
		{'0', 0}, {'9', 9}, {'a', -1}, {'_', -1},
		{'०', 0}, {'७', 7}, // Devanagari
		{'٠', 0}, {'٩', 9}, // Arabic-Indic
		{'۴', 4},           // Extended Arabic-Indic
		{'৫', 5},           // Bengali
		{'௦', 0}, {'௯', 9}, // Tamil
		{'０', 0}, {'８', 8}, // full-width
		{'\U0001D7CE', 0}, {'\U0001D7D9', 1}, {'\U0001D7FF', 9}, // mathematical digits: adjacent runs of ten
		{'²', -1}, {'一', -1},
	}
	for _, tt := range tests {
		if got := digitValue(tt.r); got != tt.want {
			t.Errorf("digitValue(%q) = %d, want %d", tt.r, got, tt.want)
		}
	}
}

// TestNdRunsOfTen checks the property digitValue relies on: every range of
// Go's Nd table holds whole runs of ten digits.
func TestNdRunsOfTen(t *testing.T) {
	for _, r := range unicode.Nd.R16 {
		if r.Stride != 1 || (int(r.Hi)-int(r.Lo)+1)%10 != 0 {
			t.Errorf("Nd range %U-%U is not whole runs of ten", r.Lo, r.Hi)
		}
	}
	for _, r := range unicode.Nd.R32 {
		if r.Stride != 1 || (r.Hi-r.Lo+1)%10 != 0 {
			t.Errorf("Nd range %U-%U is not whole runs of ten", r.Lo, r.Hi)
		}
	}
}

func TestNumberValues(t *testing.T) {
	tests := []struct {
		src        string
		kind       Kind
		text, want string
	}{
		{"1_000_000", INT, "1_000_000", "1000000"},
		{"٣٫١٤", FLOAT, "٣٫١٤", "3.14"},
		{"१_०००", INT, "१_०००", "1000"},
		{"1e-3", FLOAT, "1e-3", "1e-3"},
		{"1.e3", FLOAT, "1.e3", "1.e3"},
		{"0o777", INT, "0o777", "511"},
		{"0b_1010", INT, "0b_1010", "10"},
		{"１．５", FLOAT, "１．５", "1.5"},
		{"99999999999999999999999", INT, "99999999999999999999999", "99999999999999999999999"},
		{"2j", IMAG, "2j", "2"},
		{"1.5J", IMAG, "1.5J", "1.5"},
		{"1e3j", IMAG, "1e3j", "1e3"},
		{"1E-3J", IMAG, "1E-3J", "1e-3"},
		{".5j", IMAG, ".5j", ".5"},
		{"1.j", IMAG, "1.j", "1."},
		{"1_000.000_1j", IMAG, "1_000.000_1j", "1000.0001"},
		{"0_0j", IMAG, "0_0j", "00"},
		{"٣٫١٤j", IMAG, "٣٫١٤j", "3.14"},
		{"1_000.000_1", FLOAT, "1_000.000_1", "1000.0001"},
		{"1E-3", FLOAT, "1E-3", "1e-3"},
		{"0_0", INT, "0_0", "00"},
		{"0xdead_BEEF", INT, "0xdead_BEEF", "3735928559"},
	}
	for _, tt := range tests {
		toks, errs := Scan("n.ml", tt.src, nil)
		if len(errs) > 0 || len(toks) < 1 {
			t.Errorf("%q: %v", tt.src, errs)
			continue
		}
		if tk := toks[0]; tk.Kind != tt.kind || tk.Text != tt.text || tk.Value != tt.want {
			t.Errorf("%q: got %v %q %q, want %v %q %q", tt.src, tk.Kind, tk.Text, tk.Value, tt.kind, tt.text, tt.want)
		}
	}
}

func TestNumberErrors(t *testing.T) {
	checkErrors(t, []errorTest{
		{"en", "012", []string{"1:1: leading zeros in decimal integer literals are not permitted"}, "INT(012) NEWLINE"},
		{"en", "0_1", []string{"1:1: leading zeros"}, ""},
		{"en", "1jx 0x1j 1_j 2jj", []string{"1:1: invalid number literal '1jx'", "1:5: invalid number literal '0x1j'", "1:10: invalid number literal '1_j'", "1:14: invalid number literal '2jj'"}, ""},
		{"en", "0o8 0b 0x_ 1e 1e+", []string{"1:1: invalid number literal '0o8'", "1:5: invalid number literal '0b'", "1:8: invalid number literal '0x_'", "1:12: invalid number literal '1e'", "1:15: invalid number literal '1e'"}, ""},
	})
}
