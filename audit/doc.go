// Package audit re-decides a bureau's past penalty decisions against its
// discretion standard (案卷评查): every record of a case-handling system's
// export, not a sample.
//
// A Mapping says which column of the export (CSV in UTF-8 or GB18030, or
// NDJSON) holds each fact of a record. Each record is decided by the engine
// of the catalog in force on its decision date (art. 37 is applied inside
// Decide, as for any case) and compared with what the bureau imposed: a
// fine outside the range, a penalty where an exemption applied, an
// exemption without its conditions, a hearing or legal review missing, or
// a record that cannot be decided, each finding citing its rule and
// carrying the re-decision. The consistent records are then compared with
// each other (类案同罚): the spread of fines per item and grade, outliers
// by Tukey's fences, and cases with the same facts and far-apart fines.
//
// The records are read in passes (up to three) rather than held in memory.
package audit
