using System.Text;
using EquityDashboard.Infrastructure.Import.Tabular;

namespace EquityDashboard.Infrastructure.Tests.Tabular;

/// <summary>Encoding detection, decoding round trips and binary-file detection for imported CSV files.</summary>
public sealed class TextDecodingTests
{
    private const string ArabicCsv = "governorate,name_ar,people\nNinewa,نينوى,120\nAnbar,الأنبار,45\n";

    static TextDecodingTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static Encoding Cp1256 => Encoding.GetEncoding(1256);
    private static Encoding Cp1252 => Encoding.GetEncoding(1252);

    /// <summary>Decodes <paramref name="bytes"/> through <see cref="TextDecoding.OpenReader"/>.</summary>
    private static (string Text, DetectedEncoding Detected) ReadAll(byte[] bytes, bool seekable = true)
    {
        Stream stream = seekable ? new MemoryStream(bytes) : new NonSeekableStream(bytes);
        using var reader = TextDecoding.OpenReader(stream, out var detected);
        return (reader.ReadToEnd(), detected);
    }

    private static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();

    [Fact]
    public void Utf8WithoutBom_IsDetectedAndArabicRoundTrips()
    {
        var bytes = Encoding.UTF8.GetBytes(ArabicCsv);

        var (text, detected) = ReadAll(bytes);

        Assert.Equal("UTF-8", detected.Name);
        Assert.False(detected.HadBom);
        Assert.Equal(ArabicCsv, text);
        Assert.Contains("نينوى", text);
    }

    [Fact]
    public void Utf8WithBom_IsDetectedAndBomIsSkipped()
    {
        var bytes = Concat([0xEF, 0xBB, 0xBF], Encoding.UTF8.GetBytes(ArabicCsv));

        var (text, detected) = ReadAll(bytes);

        Assert.Equal("UTF-8 with BOM", detected.Name);
        Assert.True(detected.HadBom);
        Assert.Equal(ArabicCsv, text); // no leading U+FEFF
    }

    [Fact]
    public void PureAscii_IsUtf8()
    {
        var detected = TextDecoding.Detect("a,b,c\n1,2,3\n"u8);

        Assert.Equal("UTF-8", detected.Name);
        Assert.False(detected.HadBom);
    }

    [Fact]
    public void Utf8SequenceCutAtSampleEnd_IsStillUtf8()
    {
        var bytes = Encoding.UTF8.GetBytes("Ninewa,نينوى");
        // Drop the last byte: the sample now ends in the middle of the two-byte "ى".
        var cut = bytes.AsSpan(0, bytes.Length - 1);

        Assert.Equal("UTF-8", TextDecoding.Detect(cut).Name);
    }

    [Fact]
    public void Utf8SequenceCutInTheMiddle_IsNotUtf8()
    {
        var whole = Encoding.UTF8.GetBytes("نينوى");
        // The lead byte of a two-byte sequence followed by ASCII is invalid, unlike a cut at the end.
        var bytes = Concat(whole, [whole[0]], "abc,def"u8.ToArray());

        Assert.NotEqual("UTF-8", TextDecoding.Detect(bytes).Name);
    }

    [Fact]
    public void Utf16LittleEndianWithBom_RoundTrips()
    {
        var bytes = Concat([0xFF, 0xFE], Encoding.Unicode.GetBytes(ArabicCsv));

        var (text, detected) = ReadAll(bytes);

        Assert.Equal("UTF-16LE", detected.Name);
        Assert.True(detected.HadBom);
        Assert.Equal(ArabicCsv, text);
    }

    [Fact]
    public void Utf16BigEndianWithBom_RoundTrips()
    {
        var bytes = Concat([0xFE, 0xFF], Encoding.BigEndianUnicode.GetBytes(ArabicCsv));

        var (text, detected) = ReadAll(bytes);

        Assert.Equal("UTF-16BE", detected.Name);
        Assert.True(detected.HadBom);
        Assert.Equal(ArabicCsv, text);
    }

    [Fact]
    public void Utf16LittleEndianWithoutBom_IsDetectedFromZeroBytes()
    {
        var bytes = Encoding.Unicode.GetBytes(ArabicCsv);

        var (text, detected) = ReadAll(bytes);

        Assert.Equal("UTF-16LE", detected.Name);
        Assert.False(detected.HadBom);
        Assert.Equal(ArabicCsv, text);
    }

    [Fact]
    public void Utf16BigEndianWithoutBom_IsDetectedFromZeroBytes()
    {
        var bytes = Encoding.BigEndianUnicode.GetBytes(ArabicCsv);

        var (text, detected) = ReadAll(bytes);

        Assert.Equal("UTF-16BE", detected.Name);
        Assert.Equal(ArabicCsv, text);
    }

    [Fact]
    public void Windows1256Arabic_IsDetectedAndDecodedBack()
    {
        const string original = "الأنبار,نينوى";
        var bytes = Cp1256.GetBytes(original);

        var (text, detected) = ReadAll(bytes);

        Assert.Equal("windows-1256", detected.Name);
        Assert.False(detected.HadBom);
        Assert.Equal(1256, detected.Encoding.CodePage);
        Assert.Equal(original, text);
    }

    [Fact]
    public void Windows1256CsvWithAsciiColumns_IsDetected()
    {
        var bytes = Cp1256.GetBytes(ArabicCsv);

        var (text, detected) = ReadAll(bytes);

        Assert.Equal("windows-1256", detected.Name);
        Assert.Equal(ArabicCsv, text);
    }

    [Fact]
    public void Windows1252Latin_IsDetectedAndDecodedBack()
    {
        const string original = "Café, Zürich";
        var bytes = Cp1252.GetBytes(original);

        var (text, detected) = ReadAll(bytes);

        Assert.Equal("windows-1252", detected.Name);
        Assert.Equal(1252, detected.Encoding.CodePage);
        Assert.Equal(original, text);
    }

    [Fact]
    public void Windows1252IsolatedAccentedCapitals_AreNotMistakenForArabic()
    {
        // Á, Í and Ñ share byte values with cp1256 Arabic letters, but appear singly or in pairs, not as words.
        const string original = "name,city\nÁLVAREZ,ÁVILA\nÍÑIGO,MÜNCHEN\n";
        var bytes = Cp1252.GetBytes(original);

        var (text, detected) = ReadAll(bytes);

        Assert.Equal("windows-1252", detected.Name);
        Assert.Equal(original, text);
    }

    [Fact]
    public void MostlyUtf8WithOneInvalidByte_FallsBackToWindows1252()
    {
        // A UTF-8 file with one stray windows-1252 "é" (0xE9) is not valid UTF-8, so the whole file is read
        // as windows-1252: the stray byte decodes correctly and the UTF-8 "ü" becomes mojibake "Ã¼".
        var bytes = Concat(Encoding.UTF8.GetBytes("city,country\nZürich,CH\n"), Cp1252.GetBytes("Café,FR\n"));

        var (text, detected) = ReadAll(bytes);

        Assert.Equal("windows-1252", detected.Name);
        Assert.Equal("city,country\nZÃ¼rich,CH\nCafé,FR\n", text);
    }

    [Fact]
    public void MostlyUtf8ArabicWithOneInvalidByte_FallsBackToWindows1252()
    {
        // UTF-8 Arabic alternates lead bytes 0xD8/0xD9 (Arabic letters in cp1256) with continuation
        // bytes 0x80-0xBF (not letters), so no more than half the high bytes look Arabic: windows-1252.
        var bytes = Concat(Encoding.UTF8.GetBytes("Ninewa,نينوى\n"), [0xE9], "\n"u8.ToArray());

        Assert.Equal("windows-1252", TextDecoding.Detect(bytes).Name);
    }

    [Fact]
    public void OpenReader_NonSeekableStreamLongerThanSample_DecodesEverything()
    {
        var builder = new StringBuilder("governorate,name_ar\n");
        while (builder.Length < TextDecoding.SampleSize * 2)
            builder.Append("Ninewa,نينوى\n");
        var original = builder.ToString();
        var bytes = Concat([0xEF, 0xBB, 0xBF], Encoding.UTF8.GetBytes(original));

        var (text, detected) = ReadAll(bytes, seekable: false);

        Assert.Equal("UTF-8 with BOM", detected.Name);
        Assert.Equal(original, text);
    }

    [Fact]
    public void OpenReader_SeekableStream_StartsFromCurrentPosition()
    {
        var prefix = "ignored"u8.ToArray();
        var bytes = Concat(prefix, [0xFF, 0xFE], Encoding.Unicode.GetBytes("a,b\n1,2\n"));
        using var stream = new MemoryStream(bytes) { Position = prefix.Length };

        using var reader = TextDecoding.OpenReader(stream, out var detected, leaveOpen: true);

        Assert.Equal("UTF-16LE", detected.Name);
        Assert.Equal("a,b\n1,2\n", reader.ReadToEnd());
    }

    [Fact]
    public void ArabicLetterRanges_MatchWhatCp1256Decodes()
    {
        // Every byte counted as an Arabic letter must decode to one under cp1256 (guards the range table),
        // so a sample made of each such byte plus spaces must be detected as windows-1256.
        byte[] letters = [.. Enumerable.Range(0xC1, 0xDF - 0xC1 + 1).Where(b => b != 0xD7).Select(b => (byte)b), 0xE1, 0xE3, 0xE4, 0xE5, 0xE6, 0xEC, 0xED];
        foreach (var b in letters)
        {
            var c = Cp1256.GetString([b])[0];
            Assert.True(c is >= '\u0621' and <= '\u064A', $"0x{b:X2} decodes to U+{(int)c:X4}");
        }

        Assert.Equal("windows-1256", TextDecoding.Detect(letters).Name);
    }

    [Fact]
    public void LooksBinary_RandomBytesWithNuls_IsTrue()
    {
        var bytes = new byte[4096];
        new Random(1234).NextBytes(bytes);
        bytes[0] = (byte)'x'; // no accidental signature
        bytes[100] = 0;
        bytes[301] = 0;

        Assert.True(TextDecoding.LooksBinary(bytes));
    }

    [Fact]
    public void LooksBinary_PngHeader_IsTrue()
    {
        var bytes = Concat([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "IHDR"u8.ToArray());

        Assert.True(TextDecoding.LooksBinary(bytes));
    }

    [Theory]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14, 0x00 })] // zip / xlsx
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31 })] // %PDF-1
    [InlineData(new byte[] { 0x47, 0x49, 0x46, 0x38, 0x39, 0x61 })] // GIF89a
    [InlineData(new byte[] { 0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01 })] // ELF
    [InlineData(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1 })] // old Office (OLE2)
    public void LooksBinary_KnownSignatures_AreTrue(byte[] header)
    {
        // Followed by innocuous text so that only the signature can make it binary.
        var bytes = Concat(header, "abc,def\n1,2\n"u8.ToArray());

        Assert.True(TextDecoding.LooksBinary(bytes));
    }

    [Fact]
    public void LooksBinary_PkWithoutZipMarker_IsFalse()
    {
        Assert.False(TextDecoding.LooksBinary("PKO,Peacekeeping\n"u8));
    }

    [Fact]
    public void LooksBinary_ManyControlCharacters_IsTrue()
    {
        var bytes = Concat("a,b\n"u8.ToArray(), Enumerable.Repeat((byte)0x01, 10).ToArray(), "1,2,3,4,5\n"u8.ToArray());

        Assert.True(TextDecoding.LooksBinary(bytes));
    }

    [Fact]
    public void LooksBinary_PlainCsvInEveryTextEncoding_IsFalse()
    {
        Assert.False(TextDecoding.LooksBinary("a,b\tc\r\n1,2\f3\n"u8));
        Assert.False(TextDecoding.LooksBinary(Encoding.UTF8.GetBytes(ArabicCsv)));
        Assert.False(TextDecoding.LooksBinary(Cp1256.GetBytes(ArabicCsv)));
        Assert.False(TextDecoding.LooksBinary(Encoding.Unicode.GetBytes(ArabicCsv))); // NULs in a UTF-16 pattern
        Assert.False(TextDecoding.LooksBinary(Concat([0xFE, 0xFF], Encoding.BigEndianUnicode.GetBytes(ArabicCsv))));
        Assert.False(TextDecoding.LooksBinary([]));
    }

    /// <summary>A read-only stream that refuses to seek, like a network or decompression stream.</summary>
    private sealed class NonSeekableStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }
        public override long Seek(long offset, SeekOrigin loc) => throw new NotSupportedException();
        public override long Length => throw new NotSupportedException();

        // Hand out small chunks so the sample has to be assembled from several reads.
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, 1000));
        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, 1000)]);
    }
}
