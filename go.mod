module github.com/jizhun/jizhun

go 1.25.0

require (
	github.com/expr-lang/expr v1.17.8
	github.com/shopspring/decimal v1.6.0
	go.yaml.in/yaml/v3 v3.0.6
)
