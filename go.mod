module github.com/multilingualprogramming/multilingual

go 1.26

require github.com/bytecodealliance/wasmtime-go/v39 v39.0.1

require github.com/stretchr/testify v1.11.1 // indirect
