package ru.lomcrm.deal.deal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import ru.lomcrm.contracts.deal.DealDetails;

/** Request bodies of the deal API, with the limits a person is told about field by field. */
public final class DealRequests {

    private DealRequests() {
    }

    public record QuestionnaireBody(
            @Size(max = 500, message = "не длиннее 500 символов") String scrapType,
            @Size(max = 500, message = "не длиннее 500 символов") String volumes,
            @Size(max = 500, message = "не длиннее 500 символов") String location,
            @Pattern(regexp = "own|pickup|", message = "own (везёт сам) или pickup (вывоз)") String delivery,
            @Size(max = 500, message = "не длиннее 500 символов") String paymentTerms,
            @Size(max = 500, message = "не длиннее 500 символов") String frequency) {

        DealDetails.Questionnaire toQuestionnaire() {
            return new DealDetails.Questionnaire(scrapType, volumes, location, delivery, paymentTerms, frequency);
        }
    }

    public record CreateDealBody(
            @NotBlank(message = "укажите название сделки") @Size(max = 200, message = "не длиннее 200 символов") String title,
            @Size(max = 40, message = "не длиннее 40 символов") String funnel,
            @Size(max = 40, message = "не длиннее 40 символов") String stage,
            UUID contactId,
            UUID companyId,
            @Size(max = 64, message = "некорректный пользователь") String ownerId,
            @DecimalMin(value = "0", message = "не меньше нуля") @Digits(integer = 9, fraction = 3, message = "не больше 9 знаков до запятой и 3 после")
            BigDecimal expectedMonthlyVolumeT,
            @Size(max = 20, message = "не больше 20 марок") List<@NotBlank(message = "пустая марка") @Size(max = 40, message = "не длиннее 40 символов") String> metalGrades,
            @Size(max = 2000, message = "не длиннее 2000 символов") String priceTerms,
            @Size(max = 500, message = "не длиннее 500 символов") String address,
            @Size(max = 5000, message = "не длиннее 5000 символов") String notes,
            @Valid QuestionnaireBody questionnaire) {

        DealDetails details() {
            return new DealDetails(expectedMonthlyVolumeT, metalGrades, blankToNull(priceTerms), blankToNull(address), blankToNull(notes),
                    questionnaire == null ? DealDetails.Questionnaire.EMPTY : questionnaire.toQuestionnaire());
        }
    }

    /** PATCH body: the same fields as creation, all optional. */
    public record PatchDealBody(
            @Size(min = 1, max = 200, message = "от 1 до 200 символов") String title,
            UUID contactId,
            UUID companyId,
            @DecimalMin(value = "0", message = "не меньше нуля") @Digits(integer = 9, fraction = 3, message = "не больше 9 знаков до запятой и 3 после")
            BigDecimal expectedMonthlyVolumeT,
            @Size(max = 20, message = "не больше 20 марок") List<@NotBlank(message = "пустая марка") @Size(max = 40, message = "не длиннее 40 символов") String> metalGrades,
            @Size(max = 2000, message = "не длиннее 2000 символов") String priceTerms,
            @Size(max = 500, message = "не длиннее 500 символов") String address,
            @Size(max = 5000, message = "не длиннее 5000 символов") String notes,
            @Valid QuestionnaireBody questionnaire) {
    }

    public record MoveBody(
            @NotBlank(message = "укажите этап") @Size(max = 40, message = "не длиннее 40 символов") String stage,
            @Size(max = 2000, message = "не длиннее 2000 символов") String lossReason,
            Long version) {
    }

    public record OwnerBody(@NotBlank(message = "укажите ответственного") @Size(max = 64, message = "некорректный пользователь") String ownerId) {
    }

    public record TagsBody(@NotEmpty(message = "укажите хотя бы один тег") @Size(max = 20, message = "не больше 20 тегов за раз")
                           List<@NotBlank(message = "пустой тег") @Size(max = 60, message = "не длиннее 60 символов") String> tags) {
    }

    public record DeliveryBody(
            @NotNull(message = "укажите дату и время поставки") Instant deliveredAt,
            @NotNull(message = "укажите вес") @DecimalMin(value = "0.001", message = "вес должен быть больше нуля")
            @Digits(integer = 9, fraction = 3, message = "не больше 9 знаков до запятой и 3 после") BigDecimal weightKg,
            @NotBlank(message = "укажите марку лома") @Size(max = 60, message = "не длиннее 60 символов") String grade,
            @NotNull(message = "укажите цену за тонну") @DecimalMin(value = "0.01", message = "цена должна быть больше нуля")
            @Digits(integer = 10, fraction = 2, message = "не больше 10 знаков до запятой и 2 после") BigDecimal pricePerTonne,
            @NotBlank(message = "укажите номер весовой квитанции") @Size(max = 40, message = "не длиннее 40 символов") String ticketNo) {
    }

    public record BulkBody(
            @NotEmpty(message = "выберите сделки") @Size(max = 500, message = "не больше 500 сделок за раз") List<@NotNull UUID> ids,
            @NotNull(message = "укажите действие") @Pattern(regexp = "move|tag|untag|owner", message = "move, tag, untag или owner") String action,
            @Size(max = 40, message = "не длиннее 40 символов") String stage,
            @Size(max = 2000, message = "не длиннее 2000 символов") String lossReason,
            @Size(max = 20, message = "не больше 20 тегов за раз") List<@NotBlank(message = "пустой тег") @Size(max = 60) String> tags,
            @Size(max = 64, message = "некорректный пользователь") String ownerId) {
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
