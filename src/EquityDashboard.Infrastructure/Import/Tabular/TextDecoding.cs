using System.Buffers;
using System.Text;

namespace EquityDashboard.Infrastructure.Import.Tabular;

/// <summary>
/// The text encoding chosen for a file.
/// </summary>
/// <param name="Encoding">
/// The encoding to decode the file's bytes with. It is configured for decoding only: it emits no
/// preamble, so a reader built on it never swallows a U+FEFF that is part of the content.
/// </param>
/// <param name="Name">A human-readable name: "UTF-8", "UTF-8 with BOM", "UTF-16LE", "UTF-16BE", "windows-1256" or "windows-1252".</param>
/// <param name="HadBom">True when the file started with a byte order mark.</param>
internal sealed record DetectedEncoding(Encoding Encoding, string Name, bool HadBom)
{
    /// <summary>Length in bytes of the byte order mark at the start of the file (0 when there is none).</summary>
    internal int BomLength => !HadBom ? 0 : Encoding is UTF8Encoding ? 3 : 2;
}

/// <summary>
/// Works out how the bytes of a user-supplied CSV file are encoded (BOM, UTF-16 without BOM,
/// strict UTF-8, or a Windows single-byte code page) and opens a correctly decoding reader.
/// </summary>
internal static class TextDecoding
{
    /// <summary>Number of bytes inspected at the start of a file.</summary>
    public const int SampleSize = 64 * 1024;

    private const int CodePageArabic = 1256;
    private const int CodePageWesternEuropean = 1252;

    /// <summary>Share of one byte parity that must be zero before a BOM-less sample counts as UTF-16.</summary>
    private const double Utf16ZeroShare = 0.2;

    /// <summary>Share of control characters above which a sample is considered binary.</summary>
    private const double BinaryControlShare = 0.10;

    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);
    private static readonly Encoding Utf16Le = new UnicodeEncoding(bigEndian: false, byteOrderMark: false);
    private static readonly Encoding Utf16Be = new UnicodeEncoding(bigEndian: true, byteOrderMark: false);

    // Resolved straight from the provider so that detection never changes the process-wide Encoding registry.
    private static readonly Lazy<Encoding> Windows1256 = new(() => GetCodePage(CodePageArabic));
    private static readonly Lazy<Encoding> Windows1252 = new(() => GetCodePage(CodePageWesternEuropean));

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];
    private static ReadOnlySpan<byte> Utf16LeBom => [0xFF, 0xFE];
    private static ReadOnlySpan<byte> Utf16BeBom => [0xFE, 0xFF];

    /// <summary>Leading bytes of file formats that are certainly not CSV text.</summary>
    private static readonly byte[][] BinarySignatures =
    [
        "PK\u0003\u0004"u8.ToArray(),                        // zip (xlsx, docx, ...)
        "PK\u0005\u0006"u8.ToArray(),                        // empty zip
        "%PDF"u8.ToArray(),                                  // PDF
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A],    // PNG
        "GIF87a"u8.ToArray(),                                // GIF
        "GIF89a"u8.ToArray(),                                // GIF
        [0x7F, 0x45, 0x4C, 0x46],                            // ELF
        [0xD0, 0xCF, 0x11, 0xE0],                            // OLE2 compound file (xls, doc)
        [0x1F, 0x8B],                                        // gzip
        [0xFF, 0xD8, 0xFF],                                  // JPEG
    ];

    /// <summary>
    /// Detects the encoding of <paramref name="sample"/>, the first bytes (up to <see cref="SampleSize"/>) of a file.
    /// </summary>
    /// <remarks>
    /// Order of rules: a UTF-8 / UTF-16 BOM wins; otherwise many zero bytes in alternate positions mean
    /// UTF-16 (LE when the zeros are at odd offsets); otherwise bytes that are strictly valid UTF-8 (a
    /// multibyte sequence cut off by the end of the sample is allowed) mean UTF-8; otherwise the bytes are
    /// read with a single-byte code page, windows-1256 when the high bytes look like Arabic letters and
    /// windows-1252 for anything else. Empty or pure-ASCII samples are UTF-8.
    /// </remarks>
    public static DetectedEncoding Detect(ReadOnlySpan<byte> sample)
    {
        if (sample.StartsWith(Utf8Bom))
            return new DetectedEncoding(Utf8, "UTF-8 with BOM", HadBom: true);
        if (sample.StartsWith(Utf16LeBom))
            return new DetectedEncoding(Utf16Le, "UTF-16LE", HadBom: true);
        if (sample.StartsWith(Utf16BeBom))
            return new DetectedEncoding(Utf16Be, "UTF-16BE", HadBom: true);

        var utf16 = DetectUtf16WithoutBom(sample);
        if (utf16 is not null)
            return utf16;

        if (IsValidUtf8AllowingTruncatedEnd(sample))
            return new DetectedEncoding(Utf8, "UTF-8", HadBom: false);

        return LooksLikeArabicCodePage(sample)
            ? new DetectedEncoding(Windows1256.Value, "windows-1256", HadBom: false)
            : new DetectedEncoding(Windows1252.Value, "windows-1252", HadBom: false);
    }

    /// <summary>
    /// Peeks at the start of <paramref name="stream"/> (from its current position), detects the encoding
    /// and returns a reader that decodes the whole stream from that position, with any BOM skipped.
    /// Works for non-seekable streams too. The reader owns the stream unless <paramref name="leaveOpen"/> is true.
    /// </summary>
    public static StreamReader OpenReader(Stream stream, out DetectedEncoding detected, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanRead)
            throw new ArgumentException("The stream must be readable.", nameof(stream));

        var buffer = new byte[SampleSize];
        var start = stream.CanSeek ? stream.Position : 0L;
        var read = stream.ReadAtLeast(buffer, SampleSize, throwOnEndOfStream: false);
        detected = Detect(buffer.AsSpan(0, read));
        var bom = detected.BomLength;

        Stream source;
        if (stream.CanSeek)
        {
            stream.Position = start + bom;
            source = stream;
        }
        else
        {
            source = new PrefixedStream(buffer, bom, read - bom, stream, leaveOpen);
        }

        return new StreamReader(source, detected.Encoding, detectEncodingFromByteOrderMarks: false,
            bufferSize: 16 * 1024, leaveOpen: leaveOpen && stream.CanSeek);
    }

    /// <summary>
    /// True when <paramref name="sample"/> does not look like text: it starts with a known binary file
    /// signature (zip / xlsx, PDF, PNG, GIF, ELF, OLE2 Office, gzip, JPEG), contains NUL characters (NUL
    /// bytes that merely form a UTF-16 pattern do not count), or more than 10 % of its characters are
    /// control characters other than tab, CR, LF and form feed. An empty sample is not binary.
    /// </summary>
    public static bool LooksBinary(ReadOnlySpan<byte> sample)
    {
        if (sample.IsEmpty)
            return false;

        foreach (var signature in BinarySignatures)
        {
            if (sample.StartsWith(signature))
                return true;
        }

        var bigEndian = false;
        var isUtf16 = false;
        if (sample.StartsWith(Utf16LeBom) || sample.StartsWith(Utf16BeBom))
        {
            isUtf16 = true;
            bigEndian = sample[0] == 0xFE;
            sample = sample[2..];
        }
        else if (DetectUtf16WithoutBom(sample) is { } utf16)
        {
            isUtf16 = true;
            bigEndian = ReferenceEquals(utf16.Encoding, Utf16Be);
        }

        int controls = 0, total = 0;
        if (isUtf16)
        {
            for (var i = 0; i + 1 < sample.Length; i += 2)
            {
                var unit = bigEndian ? (sample[i] << 8) | sample[i + 1] : sample[i] | (sample[i + 1] << 8);
                if (unit == 0)
                    return true;
                total++;
                if (IsSuspiciousControl(unit))
                    controls++;
            }
        }
        else
        {
            if (sample.Contains((byte)0))
                return true;
            foreach (var b in sample)
            {
                if (IsSuspiciousControl(b))
                    controls++;
            }
            total = sample.Length;
        }

        return total > 0 && controls > total * BinaryControlShare;
    }

    /// <summary>C0 controls and DEL, except the whitespace controls that occur in ordinary text.</summary>
    private static bool IsSuspiciousControl(int c) =>
        (c < 0x20 && c is not ('\t' or '\n' or '\r' or '\f')) || c == 0x7F;

    /// <summary>
    /// Recognises BOM-less UTF-16: at least <see cref="Utf16ZeroShare"/> of the bytes at one parity are zero
    /// (the high bytes of ASCII characters) while the other parity has at most a tenth as many zeros.
    /// </summary>
    private static DetectedEncoding? DetectUtf16WithoutBom(ReadOnlySpan<byte> sample)
    {
        var pairs = sample.Length / 2;
        if (pairs < 2)
            return null;

        int evenZeros = 0, oddZeros = 0;
        for (var i = 0; i + 1 < sample.Length; i += 2)
        {
            if (sample[i] == 0) evenZeros++;
            if (sample[i + 1] == 0) oddZeros++;
        }

        // Little-endian ASCII: 'a' 00 'b' 00 ..., so zeros sit at odd offsets.
        if (oddZeros >= pairs * Utf16ZeroShare && evenZeros * 10 <= oddZeros)
            return new DetectedEncoding(Utf16Le, "UTF-16LE", HadBom: false);
        if (evenZeros >= pairs * Utf16ZeroShare && oddZeros * 10 <= evenZeros)
            return new DetectedEncoding(Utf16Be, "UTF-16BE", HadBom: false);
        return null;
    }

    /// <summary>
    /// Strict UTF-8 validation (no overlongs, surrogates or out-of-range code points); a sequence that is a
    /// valid but incomplete prefix at the very end of the sample is accepted, since the sample may cut it.
    /// </summary>
    private static bool IsValidUtf8AllowingTruncatedEnd(ReadOnlySpan<byte> sample)
    {
        var firstNonAscii = sample.IndexOfAnyExceptInRange((byte)0x00, (byte)0x7F);
        if (firstNonAscii < 0)
            return true;

        var rest = sample[firstNonAscii..];
        while (!rest.IsEmpty)
        {
            var status = Rune.DecodeFromUtf8(rest, out _, out var consumed);
            switch (status)
            {
                case OperationStatus.Done:
                    rest = rest[consumed..];
                    break;
                case OperationStatus.NeedMoreData:
                    // Only reported when every remaining byte belongs to one valid-so-far sequence.
                    return consumed == rest.Length;
                default:
                    return false;
            }
        }
        return true;
    }

    /// <summary>
    /// True when the bytes &gt;= 0x80 are mostly (more than half) windows-1256 Arabic letters and they
    /// come in runs averaging at least two bytes, as Arabic words do. The run condition keeps Latin text
    /// with isolated accented capitals (which share byte values with Arabic letters) on windows-1252.
    /// </summary>
    private static bool LooksLikeArabicCodePage(ReadOnlySpan<byte> sample)
    {
        int high = 0, arabic = 0, runs = 0;
        var inRun = false;
        foreach (var b in sample)
        {
            if (b < 0x80)
            {
                inRun = false;
                continue;
            }
            high++;
            if (IsArabicLetterIn1256(b))
                arabic++;
            if (!inRun)
            {
                runs++;
                inRun = true;
            }
        }

        return high > 0 && arabic * 2 > high && high >= runs * 2;
    }

    /// <summary>
    /// Byte values that windows-1256 maps to Arabic letters (plus tatweel, 0xDC). 0xD7 is the
    /// multiplication sign and 0xE0, 0xE2, 0xE7-0xEB, 0xEE, 0xEF are French letters, so they are excluded.
    /// </summary>
    private static bool IsArabicLetterIn1256(byte b) =>
        b is (>= 0xC1 and <= 0xD6) or (>= 0xD8 and <= 0xDF) or 0xE1 or (>= 0xE3 and <= 0xE6) or 0xEC or 0xED;

    private static Encoding GetCodePage(int codePage) =>
        CodePagesEncodingProvider.Instance.GetEncoding(codePage)
        ?? throw new InvalidOperationException($"Code page {codePage} is not available.");

    /// <summary>
    /// A read-only, forward-only stream that replays bytes already read from a non-seekable stream and
    /// then continues with the rest of that stream.
    /// </summary>
    private sealed class PrefixedStream(byte[] prefix, int offset, int count, Stream inner, bool leaveInnerOpen) : Stream
    {
        private int _offset = offset;
        private int _remaining = count;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (_remaining == 0)
                return inner.Read(buffer);
            var n = Math.Min(_remaining, buffer.Length);
            prefix.AsSpan(_offset, n).CopyTo(buffer);
            _offset += n;
            _remaining -= n;
            return n;
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_remaining == 0)
                return await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            return Read(buffer.Span);
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing && !leaveInnerOpen)
                inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
