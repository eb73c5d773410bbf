// The product's logo (PRODUCT_LOGO_URL) or, without one, a shield in the accent colour (PRODUCT_COLOR).
import { Image } from '@mantine/core';
import { IconShieldLock } from '@tabler/icons-react';
import { PRODUCT_COLOR, PRODUCT_LOGO_URL } from '../brand';

export function BrandMark({ size }: { size: number }) {
  // decorative: the product name is always written beside it
  if (PRODUCT_LOGO_URL) return <Image src={PRODUCT_LOGO_URL} alt="" h={size} w="auto" fit="contain" data-testid="brand-logo" />;
  return <IconShieldLock size={size} color={PRODUCT_COLOR ?? 'var(--mantine-primary-color-filled)'} aria-hidden />;
}
