package source

import (
	"testing"
)

func TestLineText(t *testing.T) {
	src := "a = 1\r\nb = 2\nlast"
	tests := []struct {
		n    int32
		want string
	}{{0, ""}, {1, "a = 1"}, {2, "b = 2"}, {3, "last"}, {4, ""}}
	for _, tt := range tests {
		if got := LineText(src, tt.n); got != tt.want {
			t.Errorf("LineText(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
}

func TestPrettyCaretCountsRunes(t *testing.T) {
	e := &Error{File: "f.ml", Start: Pos{2, 8}, End: Pos{2, 10}, Msg: "boom", Text: "\tdéfé x ab"}
	want := "f.ml:2:8: boom\n    \tdéfé x ab\n    \t      ^^"
	if got := e.Pretty(); got != want {
		t.Errorf("Pretty() =\n%q\nwant\n%q", got, want)
	}
	bare := &Error{File: "f.ml", Start: Pos{1, 1}, Msg: "m"}
	if got := bare.Pretty(); got != "f.ml:1:1: m" {
		t.Errorf("Pretty() without text = %q", got)
	}
}

func TestErrorListSortAndErr(t *testing.T) {
	var l ErrorList
	if l.Err() != nil {
		t.Fatal("empty list must give a nil error")
	}
	l.Add(&Error{File: "b", Start: Pos{1, 1}, Msg: "z"})
	l.Add(&Error{File: "a", Start: Pos{3, 2}, Msg: "y"})
	l.Add(&Error{File: "a", Start: Pos{3, 1}, Msg: "x"})
	l.Add(&Error{File: "a", Start: Pos{1, 9}, Msg: "w"})
	l.Sort()
	got := ""
	for _, e := range l {
		got += e.Msg
	}
	if got != "wxyz" {
		t.Errorf("sorted order = %q, want wxyz", got)
	}
	if l.Err() == nil || l.Error() != "a:1:9: w\na:3:1: x\na:3:2: y\nb:1:1: z" {
		t.Errorf("Error() = %q", l.Error())
	}
}

func TestPos(t *testing.T) {
	if (Pos{}).IsValid() || !(Pos{1, 1}).IsValid() {
		t.Error("IsValid")
	}
	if !(Pos{1, 5}).Before(Pos{2, 1}) || (Pos{2, 1}).Before(Pos{2, 1}) {
		t.Error("Before")
	}
	if (Pos{3, 4}).String() != "3:4" {
		t.Error("String")
	}
}
