module github.com/multilingualprogramming/multilingual

go 1.26.0

require (
	github.com/bytecodealliance/wasmtime-go/v39 v39.0.1
	golang.org/x/text v0.44.0
)

require github.com/stretchr/testify v1.11.1 // indirect
