using System.Text;
using System.Text.Json;
using CsCheck;
using Microsoft.AspNetCore.Http;
using Motcua.Common.Input;

namespace Motcua.UnitTests.Common;

public sealed class TextInputFacts
{
    [Theory]
    [InlineData("Nguyễn Văn A", false, -1)]
    [InlineData("a\0b", false, 1)]
    [InlineData("a\u0001", true, 1)]
    [InlineData("\u007f", true, 0)]
    [InlineData("a\u0085", true, 1)]        // NEL, a C1 control
    [InlineData("dòng 1\r\ndòng 2\t.", true, -1)]
    [InlineData("dòng 1\ndòng 2", false, 6)]
    [InlineData("tab\there", false, 3)]
    [InlineData("😀 ok", false, -1)]        // a surrogate pair is a character
    public void Control_characters_are_found(string text, bool multiLine, int expected) =>
        Assert.Equal(expected, TextInput.FindForbidden(text, multiLine));

    [Fact]
    public void A_lone_surrogate_is_not_text()
    {
        // Built here: xUnit would replace a lone surrogate in [InlineData] before the test saw it.
        Assert.Equal(1, TextInput.FindForbidden("a" + (char)0xD800 + "b", multiLine: true));
        Assert.Equal(1, TextInput.FindForbidden("a" + (char)0xDC00, multiLine: true));
        Assert.Equal(1, TextInput.FindForbidden("a" + (char)0xDC00 + (char)0xD800, multiLine: true));
    }

    [Fact]
    public void A_name_typed_with_combining_marks_becomes_the_precomposed_name() =>
        Assert.Equal("Nguyễn", TextInput.Normalise("Nguye\u0302\u0303n"));

    [Theory]
    [InlineData("abc", 3, null)]
    [InlineData("abcd", 3, "TooLong")]
    [InlineData("a\0", 10, "ControlCharacter")]
    public void A_text_is_refused_for_its_first_fault(string text, int maxLength, string? expected) =>
        Assert.Equal(expected, TextInput.Check(text, maxLength, multiLine: false).Refusal?.ToString());

    [Fact]
    public void The_length_is_counted_after_normalisation()
    {
        // Five letters typed as eight code units fit a limit of five once composed.
        var check = TextInput.Check("Nguye\u0302\u0303n", 6, multiLine: false);

        Assert.Equal("Nguyễn", check.Value);
    }

    private static readonly Gen<string> VietnameseTexts =
        Gen.OneOf(
                Gen.Char["aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạềếểễệữỹĐ \u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b"].Array[0, 30].Select(c => new string(c)),
                Gen.String)
            .Where(s => TextInput.FindForbidden(s, multiLine: true) < 0);

    [Fact]
    public void Normalisation_is_idempotent_and_nfc_of_nfd_is_nfc() =>
        VietnameseTexts.Sample(text =>
        {
            var once = TextInput.Normalise(text);
            Assert.Equal(once, TextInput.Normalise(once));
            Assert.Equal(once, TextInput.Normalise(text.Normalize(NormalizationForm.FormD)));
            Assert.True(once.IsNormalized(NormalizationForm.FormC));
        });

    [Fact]
    public void Normalisation_never_creates_a_forbidden_character() =>
        VietnameseTexts.Sample(text => Assert.Equal(-1, TextInput.FindForbidden(TextInput.Normalise(text), multiLine: true)));

    [Theory]
    [InlineData("$.applicant.name", "applicant.name")]
    [InlineData("$.documents[0].name", "documents[0].name")]
    [InlineData("$", "request")]
    [InlineData(null, "request")]
    public void A_json_path_names_the_field(string? path, string expected) =>
        Assert.Equal(expected, InputProblems.FieldOf(path));

    private sealed record Sample([property: System.ComponentModel.DataAnnotations.MaxLength(5)] string? Name, IReadOnlyList<string>? Codes, Motcua.Dossiers.Channel? Channel);

    private static JsonSerializerOptions Options()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        InputJson.Configure(options);
        return options;
    }

    [Theory]
    [InlineData("""{"name":"abcdef"}""", "$.name", "TooLong")]
    [InlineData("""{"name":"a\u0000"}""", "$.name", "ControlCharacter")]
    [InlineData("""{"codes":["a","b\u0000"]}""", "$.codes", "ControlCharacter")]
    public void A_refused_text_in_json_carries_its_path(string json, string path, string refusal)
    {
        var exception = Assert.Throws<InputRefusedJsonException>(() => JsonSerializer.Deserialize<Sample>(json, Options()));

        Assert.Equal(refusal, exception.Refusal.ToString());
        Assert.StartsWith(path, exception.Path, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"channel":7}""", "could not be converted")]
    [InlineData("""{"channel":"7"}""", "could not be converted")]
    [InlineData("""{"name":"a","name":"b"}""", "uplicate")]
    public void Enum_numbers_and_repeated_keys_are_refused(string json, string reason)
    {
        var exception = Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<Sample>(json, Options()));

        Assert.Contains(reason, exception.Message, StringComparison.Ordinal);
        var (_, refusal, _) = InputExceptionHandler.Describe(new BadHttpRequestException("Failed to read parameter \"Sample request\" from the request body as JSON.", exception));
        Assert.Equal(reason == "uplicate" ? InputRefusal.Duplicate : InputRefusal.InvalidValue, refusal);
    }

    [Fact]
    public void A_decomposed_name_in_json_arrives_composed() =>
        Assert.Equal("Ngô", JsonSerializer.Deserialize<Sample>("{\"name\":\"Ngo\\u0302\"}", Options())!.Name);
}
