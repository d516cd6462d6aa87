using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.OpenApi;

namespace Motcua.Common.Input;

/// <summary>
/// A value in a JSON body that a rule of <see cref="TextInput"/> refused. System.Text.Json fills in
/// <see cref="JsonException.Path"/>, which becomes the field named in the 400 answer.
/// </summary>
internal sealed class InputRefusedJsonException(InputRefusal refusal, int maxLength) : JsonException($"Input refused: {refusal}.")
{
    public InputRefusal Refusal { get; } = refusal;

    public int MaxLength { get; } = maxLength;
}

/// <summary>Marks a request text that may span lines (a note, a reason, a report): tab and line breaks are allowed in it.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
internal sealed class MultiLineAttribute : Attribute;

/// <summary>The maximum length of each text of a list of texts (unit codes, role names).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
internal sealed class EachMaxLengthAttribute(int length) : Attribute
{
    public int Length { get; } = length;
}

/// <summary>Reads every JSON text through <see cref="TextInput.Check"/>.</summary>
internal sealed class CheckedStringConverter(int maxLength, bool multiLine, bool declared = false) : JsonConverter<string>
{
    public static readonly CheckedStringConverter Default = new(TextInput.DefaultMaxLength, multiLine: true);

    public int MaxLength => maxLength;

    /// <summary>Whether the limit is the request record's own (shown in the OpenAPI document) or the default ceiling.</summary>
    public bool Declared => declared;

    public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        CheckedStringList.ReadOne(ref reader, maxLength, multiLine);

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}

/// <summary>A list of texts, each checked against the list's <see cref="EachMaxLengthAttribute"/>.</summary>
internal sealed class CheckedStringList(int maxLength) : JsonConverter<IReadOnlyList<string>>
{
    public int MaxLength => maxLength;

    public override IReadOnlyList<string> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new InputRefusedJsonException(InputRefusal.InvalidValue, maxLength);
        }

        var items = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            items.Add(ReadOne(ref reader, maxLength, multiLine: false));
        }

        return items;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<string> value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var item in value)
        {
            writer.WriteStringValue(item);
        }

        writer.WriteEndArray();
    }

    internal static string ReadOne(ref Utf8JsonReader reader, int maxLength, bool multiLine)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new InputRefusedJsonException(InputRefusal.InvalidValue, maxLength);
        }

        // Refuse a body far beyond the limit before unescaping it into memory.
        var encoded = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (encoded > (long)maxLength * 12 + 64)
        {
            throw new InputRefusedJsonException(InputRefusal.TooLong, maxLength);
        }

        string text;
        try
        {
            text = reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            // A lone surrogate escape ("\ud800"): not text, and not storable as UTF-8.
            throw new InputRefusedJsonException(InputRefusal.ControlCharacter, maxLength);
        }

        var check = TextInput.Check(text, maxLength, multiLine);
        return check.Refusal is { } refusal ? throw new InputRefusedJsonException(refusal, maxLength) : check.Value!;
    }
}

/// <summary>
/// The JSON settings of the API: texts checked and normalised, numbers for enums and repeated keys refused,
/// each text property limited by the <see cref="MaxLengthAttribute"/> (or <see cref="StringLengthAttribute"/>)
/// of its request record, which also appears as <c>maxLength</c> in the OpenAPI document.
/// </summary>
internal static class InputJson
{
    public static void Configure(JsonSerializerOptions options)
    {
        options.AllowDuplicateProperties = false;
        options.Converters.Add(CheckedStringConverter.Default);
        options.TypeInfoResolver = (options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(LimitTexts);
    }

    public static void LimitTexts(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        foreach (var property in info.Properties)
        {
            if (property.PropertyType == typeof(string))
            {
                var declared = Attribute<MaxLengthAttribute>(property)?.Length ?? Attribute<StringLengthAttribute>(property)?.MaximumLength;
                property.CustomConverter = new CheckedStringConverter(
                    declared ?? TextInput.DefaultMaxLength, Attribute<MultiLineAttribute>(property) is not null, declared is not null);
            }
            else if (property.PropertyType == typeof(IReadOnlyList<string>))
            {
                property.CustomConverter = new CheckedStringList(Attribute<EachMaxLengthAttribute>(property)?.Length ?? TextInput.DefaultMaxLength);
            }
        }
    }

    /// <summary>
    /// A property read by a converter of its own has no schema of its own ("{}"): give back its type, and its
    /// maximum length as <c>maxLength</c>, so API clients (and the input test) know the limit.
    /// </summary>
    public static void Describe(OpenApiSchema schema, JsonPropertyInfo? property)
    {
        var nullable = property is { IsGetNullable: true } or { IsSetNullable: true } ? JsonSchemaType.Null : 0;
        switch (property?.CustomConverter)
        {
            case CheckedStringConverter text:
                schema.Type = JsonSchemaType.String | nullable;
                schema.MaxLength = text.Declared ? text.MaxLength : null;
                break;
            case CheckedStringList list:
                schema.Type = JsonSchemaType.Array | nullable;
                schema.Items = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = list.MaxLength };
                break;
        }
    }

    /// <summary>An attribute of the property, or of the record's constructor parameter it comes from.</summary>
    internal static T? Attribute<T>(JsonPropertyInfo property)
        where T : Attribute =>
        Find<T>(property.AttributeProvider) ?? Find<T>(property.AssociatedParameter?.AttributeProvider);

    private static T? Find<T>(ICustomAttributeProvider? provider)
        where T : Attribute =>
        provider?.GetCustomAttributes(typeof(T), inherit: true).OfType<T>().FirstOrDefault();
}
