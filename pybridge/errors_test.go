package main

import (
	"errors"
	"fmt"
	"reflect"
	"testing"

	"github.com/multilingualprogramming/multilingual/core/source"
)

func TestSourceErrors(t *testing.T) {
	e1 := &source.Error{File: "f.ml", Start: source.Pos{Line: 3, Col: 7}, End: source.Pos{Line: 3, Col: 9},
		Lang: "fr", Msg: "attendu ':'", Text: "si x"}
	e2 := &source.Error{File: "f.ml", Start: source.Pos{Line: 5, Col: 1}, Msg: "m"}
	got, ok := sourceErrors(fmt.Errorf("wrapped: %w", source.ErrorList{e1, e2}))
	want := []errorRecord{
		{"f.ml", 3, 7, 3, 9, "attendu ':'", "si x", "fr"},
		{"f.ml", 5, 1, 5, 1, "m", "", ""},
	}
	if !ok || !reflect.DeepEqual(got, want) {
		t.Errorf("sourceErrors(list) = %+v, %v; want %+v", got, ok, want)
	}
	if got, ok := sourceErrors(e2); !ok || len(got) != 1 || got[0].Line != 5 {
		t.Errorf("sourceErrors(single) = %+v, %v", got, ok)
	}
	if _, ok := sourceErrors(errors.New("other")); ok {
		t.Error("sourceErrors(other) reported source errors")
	}
}
