package org.hall24.notifications;

/**
 * Where a provider reports what became of a part it accepted: an SMPP delivery receipt
 * ({@code deliver_sm} with the receipt flag), on whichever node's connection it arrives. A receipt
 * may arrive before the submit is recorded; it is kept and applied then.
 */
public interface DeliveryReceipts {

    /**
     * Records a receipt.
     *
     * @param provider the provider's name ({@link SmsProvider#name()})
     * @param providerId the id the provider gave the part when accepting it
     * @param state {@link DeliveryState#DELIVERED}, {@link DeliveryState#EXPIRED} or {@link DeliveryState#PERMANENT_FAILURE}
     * @param answer the receipt's status in the provider's words ({@code DELIVRD}, {@code UNDELIV err:001})
     */
    void record(String provider, String providerId, DeliveryState state, String answer);
}
