// Package examples holds example catalogs, each in its own directory with
// the cases that exercise it:
//
//	examples/<name>/catalog.yaml       the discretion standard (jizhun catalog format)
//	examples/<name>/cases/*.json       cases in the Case JSON contract
//	examples/<name>/expect_test.yaml   hand-worked expected decisions, with the arithmetic
//	examples/<name>/golden/*.json      the engine's full decisions, for review in diffs
//
// examples/starter is a seven-item introduction to the format; examples/county
// is a complete example of a county comprehensive enforcement bureau's
// city-management standard (示例县城市管理领域行政处罚裁量基准). Neither is
// issued by any authority. examples/roadadmin encodes, for testing, the rows
// of one item (擅自挖掘公路) of a real published standard of another field,
// 浙江省公路路政行政处罚自由裁量执行标准, as read in a third-party copy; it is
// not an official copy. examples/roadtransport likewise encodes, for testing,
// the four rows (each with two ranges) of one item of another real standard,
// 道路运输违法违规行为行政处罚具体裁量标准（试行）, read in a third-party copy.
// examples/taxexcerpt encodes, for testing, ten items of a 税务 discretion
// standard whose pages were read in a third-party database copy; its title,
// issuer and date were not among the pages read, as its header says.
//
// County returns the county catalog, which the command line uses when no
// --catalog is given. The package's tests load and compile every catalog, check
// that every grade stays within its statutory range (computed independently
// of the loader), run expect_test.yaml through the runner of `jizhun test`
// (package casetest), and compare each case's decision with its golden file. Regenerate the golden files with
//
//	go test ./examples -update
package examples
