using CsvHelper;
using LinkService.Configuration.Sources;
using LinkService.Deliveries.Reading;
using LinkService.Validation.Cells;
using LinkService.Validation.Header;
using LinkService.Validation.Report;
using LinkService.Validation.Uniqueness;

namespace LinkService.Validation.Checking;

/// <summary>
/// One streaming pass over a delivery. Anything that stops the file being read (I/O, a gzip bomb, a
/// corrupt archive, a runaway field) becomes a file-level error in the report, never an exception.
/// </summary>
internal sealed class ExtractCheck
{
    private readonly SourceDefinition _source;
    private readonly ValidationOptions _options;
    private readonly TextWriter? _errorList;

    /// <param name="errorList">Where every row error is written as found (see <see cref="ReportBuilder"/>); null: nowhere.</param>
    public ExtractCheck(SourceDefinition source, ValidationOptions options, TextWriter? errorList = null)
    {
        _source = source;
        _options = options;
        _errorList = errorList;
    }

    public CheckResult Run(string path, CancellationToken cancellationToken)
    {
        var schema = _source.SchemaOrThrow;
        var tolerance = _source.ErrorTolerance;
        var report = new ReportBuilder(_options.MaxErrorsInReport, tolerance.Mode == ToleranceMode.Reject ? 0 : tolerance.MaxRows ?? long.MaxValue, _errorList, _options.MaxErrorsListed);
        var pass = new PassState();
        using var keys = new UniqueKeys(schema, _options.KeyMemoryBudgetBytes, _options.TempDirectory ?? Path.GetTempPath());
        try
        {
            if (Precheck(path, report, pass))
            {
                using var reader = DeliveryReader.Open(_source, path, new ReadLimits(_options.ParserRecordCapBytes));
                pass.Reader = reader;
                var rules = schema.Fields.Select(f => FieldRuleFactory.Create(schema, f, schema.PrimaryKey.Contains(f.Name), _options.PatternTimeout)).ToArray();
                var header = ReadHeader(reader, report, pass);
                if (header is not null)
                {
                    var checker = new RowChecker(rules, header, _source.MaxFieldLength, keys, report);
                    ReadRows(reader, checker, report, pass, cancellationToken);
                    if (_source.Compression == Compression.Gzip && !GzipTrailer.RecordsSize(path, reader.Inspector.BytesRead))
                    {
                        report.AddFatal(new ValidationError(ErrorTypes.Compression, "the gzip data ends early or is corrupt: its trailer does not record the size that was read"));
                    }
                }

                pass.TextBytes = reader.Inspector.BytesRead;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException or CsvFormatException)
        {
            report.AddFatal(Stopped(ex, pass));
            pass.TextBytes = pass.Reader?.Inspector.BytesRead ?? 0;
        }
        catch (KeySpillException ex)
        {
            report.AddFatal(new ValidationError(ErrorTypes.General, $"the check could not finish: {ex.Message}"));
        }

        if (pass.HeaderAccepted && report.FatalReasons.Count == 0)
        {
            try
            {
                KeyDuplicates.Report(keys, report, pass.HeaderColumns, schema, cancellationToken);
            }
            catch (KeySpillException ex)
            {
                report.AddFatal(new ValidationError(ErrorTypes.General, $"the check could not finish: {ex.Message}"));
            }
        }

        return new CheckResult(report, pass.Rows, pass.FileBytes, pass.TextBytes, pass.Labels, pass.HeaderAccepted, keys.SpilledRuns);
    }

    private bool Precheck(string path, ReportBuilder report, PassState pass)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            report.AddFatal(new ValidationError(ErrorTypes.Source, "the file does not exist"));
            return false;
        }

        pass.FileBytes = info.Length;
        if (info.Length == 0)
        {
            report.AddFatal(new ValidationError(ErrorTypes.Source, "the file is empty"));
            return false;
        }

        if (info.Length > _source.MaxBytes)
        {
            report.AddFatal(new ValidationError(ErrorTypes.Source, $"the file is {info.Length:N0} bytes, more than the source's limit of {_source.MaxBytes:N0}"));
            return false;
        }

        return true;
    }

    private HeaderMatch? ReadHeader(DeliveryReader reader, ReportBuilder report, PassState pass)
    {
        if (!reader.Read())
        {
            report.AddFatal(new ValidationError(ErrorTypes.Source, "the file holds no text"));
            return null;
        }

        if (StrictEncoding.ContradictingByteOrderMark(_source.Dialect.Encoding, reader.Inspector.Prefix) is { } bom)
        {
            report.AddFatal(new ValidationError(ErrorTypes.Encoding, bom, LineNumber: 1));
            return null;
        }

        if (reader.Inspector.NulInPrefix && !_source.Dialect.Encoding.Equals("utf-16le", StringComparison.OrdinalIgnoreCase))
        {
            report.AddFatal(new ValidationError(ErrorTypes.Format, "the file holds NUL bytes near its start: it looks like binary data, not delimited text"));
            return null;
        }

        var schema = _source.SchemaOrThrow;
        if (!reader.OnHeader)
        {
            pass.FirstRecordIsData = true;
            pass.HeaderAccepted = true;
            pass.HeaderColumns = ColumnMap.Positional(schema);
            reader.ExpectColumns(schema.Fields.Count);
            return HeaderMatcher.Positional(schema);
        }

        var labels = reader.Cells();
        pass.LastRawRow = reader.LastLine;
        if (reader.QuoteProblem != QuoteProblem.None)
        {
            // A quote left open in the header reads the data rows into a "label": never quote such labels.
            var unclosed = reader.QuoteProblem == QuoteProblem.Unclosed;
            report.AddFatal(new ValidationError(ErrorTypes.Quote, unclosed
                ? "a quoted label in the header is opened and never closed, so the rows after it were read into the header"
                : "a quote character is out of place in the header", LineNumber: 1));
            return null;
        }

        if (reader.HasInvalidText && labels.Any(l => l.Contains(CountingDecoderFallback.Marker, StringComparison.Ordinal)))
        {
            report.AddFatal(new ValidationError(ErrorTypes.Encoding, "the header holds bytes that are not valid text in the source's encoding", LineNumber: 1));
            return null;
        }

        var match = HeaderMatcher.Match(schema, labels, _source.Dialect.Delimiter[0]);

        // The report lists the labels that name fields; any other may be data (a file without a header) and is left blank.
        pass.Labels = match.LabelsMayBeData ? [] : [.. labels.Select((label, i) => match.ColumnToField[i] >= 0 ? label : "")];
        if (!match.IsValid)
        {
            foreach (var error in match.Errors)
            {
                report.Add(error);
            }

            report.RejectForHeader(match.Errors.Count, match.Hint);
            return null;
        }

        pass.HeaderAccepted = true;
        pass.HeaderColumns = match.ColumnToField;
        reader.ExpectColumns(labels.Length);
        return match;
    }

    private static void ReadRows(DeliveryReader reader, RowChecker checker, ReportBuilder report, PassState pass, CancellationToken cancellationToken)
    {
        using var producer = new RowProducer(reader, pass.FirstRecordIsData, pass.LastRawRow, cancellationToken);
        try
        {
            foreach (var batch in producer.Batches())
            {
                for (var i = 0; i < batch.Length; i++)
                {
                    var row = pass.Rows = batch.Rows[i];
                    if (checker.Check(batch, i, row))
                    {
                        report.SetAside(row, checker.RowErrorTypes);
                    }
                }

                producer.Recycle(batch);
            }
        }
        finally
        {
            pass.LastRawRow = producer.LastRawRow;
        }
    }

    private ValidationError Stopped(Exception ex, PassState pass)
    {
        var row = pass.Rows + 1;
        var line = pass.LastRawRow + 1;
        var at = pass.Rows == 0 && !pass.HeaderAccepted ? "at the start of the file" : $"at row {row} (line {line})";
        return ex switch
        {
            DecompressedSizeExceededException bomb => new ValidationError(ErrorTypes.Compression, $"{bomb.Message}; reading stopped {at}", LineNumber: line),
            InvalidDataException when _source.Compression == Compression.Gzip => new ValidationError(ErrorTypes.Compression, $"the file is not valid gzip data; reading stopped {at}", LineNumber: line),
            RowTooLargeException tooLarge => new ValidationError(tooLarge.TooManyCells ? ErrorTypes.ExtraCell : ErrorTypes.CellSize, $"{tooLarge.Message} {at}, so reading stopped{(tooLarge.TooManyCells ? "" : "; an unclosed quote is the usual cause")}", row, line),
            CsvFormatException => new ValidationError(ErrorTypes.Format, $"the file cannot be parsed as delimited text {at}", row, line),
            _ => new ValidationError(ErrorTypes.Source, $"the file cannot be read {at}: {ex.Message}"),
        };
    }

    private sealed class PassState
    {
        public DeliveryReader? Reader { get; set; }

        public long Rows { get; set; }

        public long LastRawRow { get; set; }

        public long FileBytes { get; set; }

        public long TextBytes { get; set; }

        public IReadOnlyList<string> Labels { get; set; } = [];

        public bool HeaderAccepted { get; set; }

        public bool FirstRecordIsData { get; set; }

        public int[] HeaderColumns { get; set; } = [];
    }
}
