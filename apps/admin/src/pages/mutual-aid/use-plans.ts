import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { MutualAidPlan } from '@gonghui/contracts';
import { mutualAidApi, mutualAidKeys } from '../../api/mutual-aid';

const thisYear = () => Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));

/** The plans and the year being looked at: this year's plan when there is one, else the newest. */
export function usePlans() {
  const plans = useQuery({ queryKey: mutualAidKeys.plans, queryFn: mutualAidApi.plans });
  const items = plans.data?.items ?? [];
  const [picked, setPicked] = useState<number | null>(null);
  const year = picked ?? (items.some((p) => p.year === thisYear()) ? thisYear() : (items[0]?.year ?? thisYear()));
  const plan: MutualAidPlan | undefined = items.find((p) => p.year === year);
  return { plans, items, year, setYear: setPicked, plan };
}
