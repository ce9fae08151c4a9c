package io.pikos.samples.service;

/**
 * The unit prices {@link PriceService} quotes, in cents. Immutable, so every request thread shares one.
 */
final class PriceTable {

    private final String[] items = {"apple", "pear", "plum", "fig"};
    private final int[] cents = {40, 55, 30, 120};

    /**
     * Looks up the price of one unit of an item.
     *
     * @param item the item's name, for example {@code apple}
     * @return its unit price in cents
     * @throws IllegalArgumentException if the table has no such item
     */
    int unitCents(String item) {
        for (int i = 0; i < items.length; i++) {
            if (items[i].equals(item)) {
                return cents[i];
            }
        }
        throw new IllegalArgumentException("no price for '" + item + "'");
    }
}
