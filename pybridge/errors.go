package main

import (
	"errors"

	"github.com/multilingualprogramming/multilingual/core/source"
)

// An errorRecord is one source error as the Python package receives it:
// the fields of the dict in CompileError.args[0].
type errorRecord struct {
	File            string
	Line, Col       int
	EndLine, EndCol int
	Msg, Text, Lang string
}

// sourceErrors returns the records for err when it holds source errors
// (a source.ErrorList or a single *source.Error), and false otherwise.
func sourceErrors(err error) ([]errorRecord, bool) {
	var list source.ErrorList
	if !errors.As(err, &list) {
		var one *source.Error
		if !errors.As(err, &one) {
			return nil, false
		}
		list = source.ErrorList{one}
	}
	out := make([]errorRecord, 0, len(list))
	for _, e := range list {
		if e == nil {
			continue
		}
		end := e.End
		if !end.IsValid() {
			end = e.Start
		}
		out = append(out, errorRecord{
			File: e.File, Line: int(e.Start.Line), Col: int(e.Start.Col),
			EndLine: int(end.Line), EndCol: int(end.Col),
			Msg: e.Msg, Text: e.Text, Lang: e.Lang,
		})
	}
	return out, true
}
